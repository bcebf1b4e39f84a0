// Test environment: small and cheap, no HA, no geo-backup, no replica.
// Secrets are never written here: the pipeline maps them from the variable group
// `gemensamnamnd-test` into environment variables (an empty value means "created out of band",
// see infra/README.md).
using '../main.bicep'

param environmentName = 'test'

param appServiceSkuName = 'P0v3'
param appServiceZoneRedundant = false
param autoscaleMinInstances = 1
param autoscaleMaxInstances = 2

param postgresSkuName = 'Standard_B2s'
param postgresSkuTier = 'Burstable'
param postgresStorageSizeGB = 32
param postgresHighAvailabilityMode = 'Disabled'
param postgresGeoRedundantBackup = false
param postgresBackupRetentionDays = 7
param postgresReadReplica = false

param postgresAdminPassword = readEnvironmentVariable('GN_PG_ADMIN_PASSWORD', '')
param postgresOwnerPassword = readEnvironmentVariable('GN_PG_OWNER_PASSWORD', '')
param postgresAppPassword = readEnvironmentVariable('GN_PG_APP_PASSWORD', '')

param entraClientId = readEnvironmentVariable('GN_ENTRA_CLIENT_ID', '00000000-0000-0000-0000-000000000000')
param entraClientSecret = readEnvironmentVariable('GN_ENTRA_CLIENT_SECRET', '')
param personalDataHashKey = readEnvironmentVariable('GN_PERSONALDATA_HASH_KEY', '')

param mailHost = 'smtp.office365.com'
param mailPort = 587
param mailUserName = 'gemensamnamnd-test@example.se'
param mailFrom = 'Gemensam nämnd (test) <gemensamnamnd-test@example.se>'
param mailPassword = readEnvironmentVariable('GN_MAIL_PASSWORD', '')

param otelExporterOtlpEndpoint = ''

param alertEmail = readEnvironmentVariable('GN_ALERT_EMAIL', 'drift@example.se')
