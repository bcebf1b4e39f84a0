// GemensamNamnd: one resource group per environment (test, prod).
//   az deployment group create -g <rg> -f infra/main.bicep -p infra/env/<env>.bicepparam
// See infra/README.md for the first run, the Entra app registration and the secrets.
targetScope = 'resourceGroup'

@allowed([
  'test'
  'prod'
])
param environmentName string

param location string = resourceGroup().location

@description('Prefix of resource names.')
param namePrefix string = 'gn-${environmentName}'

@description('Web app name (becomes <name>.azurewebsites.net; the staging slot <name>-staging.azurewebsites.net).')
param webAppName string = 'app-${namePrefix}-${uniqueString(resourceGroup().id)}'

@description('Key Vault name (globally unique, at most 24 characters).')
@maxLength(24)
param keyVaultName string = take('kv-${namePrefix}-${uniqueString(resourceGroup().id)}', 24)

@description('Storage account of case documents (3-24 lower-case letters and digits).')
param storageAccountName string = take('st${replace(namePrefix, '-', '')}${uniqueString(resourceGroup().id)}', 24)

@description('PostgreSQL server name (globally unique).')
param postgresServerName string = 'psql-${namePrefix}-${uniqueString(resourceGroup().id)}'

// ---- App Service ---------------------------------------------------------------------------

@description('App Service plan SKU (Standard or Premium: slots and autoscale need it).')
param appServiceSkuName string = 'P0v3'

@description('Spread plan instances over availability zones (Premium v3, at least 2 instances).')
param appServiceZoneRedundant bool = false

@description('Autoscale minimum instance count (also the count the plan starts with).')
@minValue(1)
param autoscaleMinInstances int = 1

@description('Autoscale maximum instance count.')
@minValue(1)
param autoscaleMaxInstances int = 3

// ---- PostgreSQL ----------------------------------------------------------------------------

param postgresSkuName string = 'Standard_B2s'

@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param postgresSkuTier string = 'Burstable'

@minValue(32)
param postgresStorageSizeGB int = 32

@description('High availability: Disabled, or ZoneRedundant (standby server in another zone; not on Burstable).')
@allowed([
  'Disabled'
  'ZoneRedundant'
])
param postgresHighAvailabilityMode string = 'Disabled'

@description('Geo-redundant backup to the paired region (fixed when the server is created).')
param postgresGeoRedundantBackup bool = false

@minValue(7)
@maxValue(35)
param postgresBackupRetentionDays int = 7

@description('Create a read replica; its connection string becomes ConnectionStrings__Aggregates.')
param postgresReadReplica bool = false

@description('Server administrator login: used once to create the owner and application roles.')
param postgresAdminLogin string = 'gnadmin'

@description('Server administrator password. Required when the server is created; empty later keeps it.')
@secure()
param postgresAdminPassword string = ''

@description('Role that owns the schema: migrations and the explicit cross-party path.')
param postgresOwnerRole string = 'gn_owner'

@description('Role the application runs as: no BYPASSRLS, owns no table.')
param postgresAppRole string = 'gn_app'

@description('Password of the owner role. Empty: the connection-string secrets are created out of band.')
@secure()
param postgresOwnerPassword string = ''

@description('Password of the application role. Empty: the connection-string secret is created out of band.')
@secure()
param postgresAppPassword string = ''

// ---- Application -----------------------------------------------------------------------------

@description('Application (client) id of the multi-tenant Entra app registration.')
param entraClientId string

@description('Entra client secret. Empty: Key Vault secret AzureAd--ClientSecret is created out of band.')
@secure()
param entraClientSecret string = ''

@description('Key of the keyed hash that finds duplicate personnummer. Empty: secret PersonalData--HashKey is created out of band. Never rotate it casually: existing hashes stop matching.')
@secure()
param personalDataHashKey string = ''

param mailHost string
param mailPort int = 587
param mailUserName string
param mailFrom string

@description('SMTP password. Empty: Key Vault secret Mail--Password is created out of band.')
@secure()
param mailPassword string = ''

@description('Optional OTLP endpoint for OpenTelemetry export besides Application Insights.')
param otelExporterOtlpEndpoint string = ''

@description('E-mail address that receives the operational alerts.')
param alertEmail string

param tags object = {
  application: 'GemensamNamnd'
  environment: environmentName
}

// ---- Resources -----------------------------------------------------------------------------

module network 'modules/network.bicep' = {
  name: 'network'
  params: {
    location: location
    namePrefix: namePrefix
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    namePrefix: namePrefix
    tags: tags
  }
}

module postgres 'modules/postgres.bicep' = {
  name: 'postgres'
  params: {
    location: location
    serverName: postgresServerName
    skuName: postgresSkuName
    skuTier: postgresSkuTier
    storageSizeGB: postgresStorageSizeGB
    highAvailabilityMode: postgresHighAvailabilityMode
    geoRedundantBackup: postgresGeoRedundantBackup
    backupRetentionDays: postgresBackupRetentionDays
    createReadReplica: postgresReadReplica
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    delegatedSubnetId: network.outputs.postgresSubnetId
    // Using the network module's outputs makes the server wait for that whole deployment,
    // including the DNS zone's VNet link.
    privateDnsZoneId: network.outputs.postgresDnsZoneId
    tags: tags
  }
}

// Npgsql connection strings; TLS verified against the server's public CA chain.
var pgHost = postgres.outputs.fqdn
var pgDatabase = postgres.outputs.databaseName
var ownerConnectionString = 'Host=${pgHost};Port=5432;Database=${pgDatabase};Username=${postgresOwnerRole};Password=${postgresOwnerPassword};SSL Mode=VerifyFull'
var appConnectionString = 'Host=${pgHost};Port=5432;Database=${pgDatabase};Username=${postgresAppRole};Password=${postgresAppPassword};SSL Mode=VerifyFull'
// The replica is read-only and carries the same roles; the cross-party aggregates read as the owner.
var aggregatesConnectionString = 'Host=${postgres.outputs.replicaFqdn};Port=5432;Database=${pgDatabase};Username=${postgresOwnerRole};Password=${postgresOwnerPassword};SSL Mode=VerifyFull'

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    name: keyVaultName
    tags: tags
    // Key Vault secret names use '--' where configuration keys use ':' (or '__').
    secretValues: {
      'ConnectionStrings--Owner': empty(postgresOwnerPassword) ? '' : ownerConnectionString
      'ConnectionStrings--App': empty(postgresAppPassword) ? '' : appConnectionString
      'ConnectionStrings--Aggregates': postgresReadReplica && !empty(postgresOwnerPassword)
        ? aggregatesConnectionString
        : ''
      'PersonalData--HashKey': personalDataHashKey
      'AzureAd--ClientSecret': entraClientSecret
      'Mail--Password': mailPassword
    }
  }
}

module appService 'modules/appservice.bicep' = {
  name: 'appservice'
  params: {
    location: location
    planName: 'asp-${namePrefix}'
    webAppName: webAppName
    skuName: appServiceSkuName
    capacity: autoscaleMinInstances
    zoneRedundant: appServiceZoneRedundant
    appSubnetId: network.outputs.appSubnetId
    tags: tags
  }
}

module keyVaultAccess 'modules/keyvault-access.bicep' = {
  name: 'keyvault-access'
  params: {
    keyVaultName: keyVault.outputs.name
    principalIds: [
      appService.outputs.principalId
      appService.outputs.stagingPrincipalId
    ]
  }
}

// Case documents: a private blob container; the app's identities write and read it (Features/Documents).
module documentStorage 'modules/storage.bicep' = {
  name: 'document-storage'
  params: {
    location: location
    name: storageAccountName
    principalIds: [
      appService.outputs.principalId
      appService.outputs.stagingPrincipalId
    ]
    tags: tags
  }
}

func secretReference(vaultUri string, secretName string) string =>
  '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${secretName})'

var vaultUri = keyVault.outputs.uri

// The names below are exactly the configuration keys the application reads. WEBSITE_TIME_ZONE is
// deliberately absent: the application stores and computes instants in UTC.
var sharedSettings = union(
  {
    ASPNETCORE_ENVIRONMENT: 'Production'
    Database__Provider: 'Postgres'
    ConnectionStrings__App: secretReference(vaultUri, 'ConnectionStrings--App')
    ConnectionStrings__Owner: secretReference(vaultUri, 'ConnectionStrings--Owner')
    PersonalData__HashKey: secretReference(vaultUri, 'PersonalData--HashKey')
    AzureAd__Instance: environment().authentication.loginEndpoint
    AzureAd__TenantId: 'organizations'
    AzureAd__ClientId: entraClientId
    AzureAd__ClientSecret: secretReference(vaultUri, 'AzureAd--ClientSecret')
    Mail__Host: mailHost
    Mail__Port: string(mailPort)
    Mail__UserName: mailUserName
    Mail__Password: secretReference(vaultUri, 'Mail--Password')
    Mail__From: mailFrom
    Demo__Enabled: 'false'
    DataProtection__KeyVaultKeyId: keyVault.outputs.dataProtectionKeyUri
    Documents__Store: 'AzureBlob'
    Documents__BlobAccountUrl: documentStorage.outputs.blobEndpoint
    Documents__BlobContainer: documentStorage.outputs.containerName
    APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.appInsightsConnectionString
    // A swap waits until the warmed-up slot answers its readiness probe.
    WEBSITE_SWAP_WARMUP_PING_PATH: '/health/ready'
    WEBSITE_SWAP_WARMUP_PING_STATUSES: '200'
  },
  postgresReadReplica
    ? {
        ConnectionStrings__Aggregates: secretReference(vaultUri, 'ConnectionStrings--Aggregates')
      }
    : {},
  empty(otelExporterOtlpEndpoint)
    ? {}
    : {
        OTEL_EXPORTER_OTLP_ENDPOINT: otelExporterOtlpEndpoint
      }
)

// Applied after the role assignments, so the Key Vault references resolve on the restart it causes.
module appSettings 'modules/appsettings.bicep' = {
  name: 'appsettings'
  params: {
    webAppName: appService.outputs.siteName
    settings: sharedSettings
  }
  dependsOn: [
    keyVaultAccess
  ]
}

module autoscale 'modules/autoscale.bicep' = {
  name: 'autoscale'
  params: {
    location: location
    planId: appService.outputs.planId
    planName: appService.outputs.planName
    minInstances: autoscaleMinInstances
    maxInstances: autoscaleMaxInstances
    tags: tags
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  params: {
    location: location
    namePrefix: namePrefix
    appInsightsId: monitoring.outputs.appInsightsId
    siteId: appService.outputs.siteId
    alertEmail: alertEmail
    tags: tags
  }
}

output webAppName string = appService.outputs.siteName
output webAppHostName string = appService.outputs.defaultHostName
output stagingHostName string = appService.outputs.stagingHostName
output keyVaultName string = keyVault.outputs.name
output postgresServerName string = postgres.outputs.serverName
output postgresFqdn string = postgres.outputs.fqdn
output postgresReplicaFqdn string = postgres.outputs.replicaFqdn
output appInsightsName string = monitoring.outputs.appInsightsName
