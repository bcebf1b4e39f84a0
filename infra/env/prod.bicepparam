// Production: zone-redundant high availability and geo-redundant backup for PostgreSQL, zone-
// redundant App Service plan with at least 3 instances, and a read replica for the committee's
// cross-party aggregates.
// Secrets are never written here: the pipeline maps them from the variable group
// `gemensamnamnd-prod` into environment variables (an empty value means "created out of band",
// see infra/README.md).
using '../main.bicep'

param environmentName = 'prod'

param appServiceSkuName = 'P1v3'
param appServiceZoneRedundant = true
param autoscaleMinInstances = 3
param autoscaleMaxInstances = 6

param postgresSkuName = 'Standard_D2ds_v5'
param postgresSkuTier = 'GeneralPurpose'
param postgresStorageSizeGB = 128
param postgresHighAvailabilityMode = 'ZoneRedundant'
param postgresGeoRedundantBackup = true
param postgresBackupRetentionDays = 35
param postgresReadReplica = true

param postgresAdminPassword = readEnvironmentVariable('GN_PG_ADMIN_PASSWORD', '')
param postgresOwnerPassword = readEnvironmentVariable('GN_PG_OWNER_PASSWORD', '')
param postgresAppPassword = readEnvironmentVariable('GN_PG_APP_PASSWORD', '')

param entraClientId = readEnvironmentVariable('GN_ENTRA_CLIENT_ID', '00000000-0000-0000-0000-000000000000')
param entraClientSecret = readEnvironmentVariable('GN_ENTRA_CLIENT_SECRET', '')
param personalDataHashKey = readEnvironmentVariable('GN_PERSONALDATA_HASH_KEY', '')

param mailHost = 'smtp.office365.com'
param mailPort = 587
param mailUserName = 'gemensamnamnd@example.se'
param mailFrom = 'Gemensam nämnd <gemensamnamnd@example.se>'
param mailPassword = readEnvironmentVariable('GN_MAIL_PASSWORD', '')

param otelExporterOtlpEndpoint = ''

param alertEmail = readEnvironmentVariable('GN_ALERT_EMAIL', 'drift@example.se')
