// Linux App Service plan, the web app on .NET 10 and its `staging` slot. Both have a
// system-assigned managed identity (they are separate identities: each needs its own Key Vault
// role assignments) and are VNet-integrated so they reach the private PostgreSQL server.
// App settings are applied by appsettings.bicep once the identities may read Key Vault.

param location string

param planName string
param webAppName string

@description('Plan SKU: Standard or Premium (slots and autoscale need at least Standard), e.g. P0v3, P1v3.')
param skuName string

@description('Instances the plan starts with; autoscale moves it between its minimum and maximum.')
@minValue(1)
param capacity int = 1

@description('Spread instances over availability zones (Premium v3; needs at least 2 instances).')
param zoneRedundant bool = false

@description('Subnet delegated to Microsoft.Web/serverFarms for regional VNet integration.')
param appSubnetId string

param tags object = {}

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
    capacity: capacity
  }
  properties: {
    reserved: true // Linux
    zoneRedundant: zoneRedundant
  }
}

var siteConfig = {
  linuxFxVersion: 'DOTNETCORE|10.0'
  // The readiness endpoint (database reachable, migrations applied): App Service takes an instance
  // that fails it out of rotation, and the pipeline swaps only when the staging slot passes it.
  healthCheckPath: '/health/ready'
  minTlsVersion: '1.2'
  scmMinTlsVersion: '1.2'
  ftpsState: 'Disabled'
  http20Enabled: true
  alwaysOn: true
  vnetRouteAllEnabled: true
  use32BitWorkerProcess: false
}

resource site 'Microsoft.Web/sites@2024-11-01' = {
  name: webAppName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Every instance can serve every request: the Data Protection key ring is shared.
    clientAffinityEnabled: false
    virtualNetworkSubnetId: appSubnetId
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: siteConfig
  }
}

resource staging 'Microsoft.Web/sites/slots@2024-11-01' = {
  parent: site
  name: 'staging'
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    virtualNetworkSubnetId: appSubnetId
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: siteConfig
  }
}

// No FTP publishing with basic credentials (deployments go through Entra-authenticated zip deploy).
resource ftpPolicy 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource stagingFtpPolicy 'Microsoft.Web/sites/slots/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: staging
  name: 'ftp'
  properties: {
    allow: false
  }
}

output planId string = plan.id
output planName string = plan.name
output siteId string = site.id
output siteName string = site.name
output defaultHostName string = site.properties.defaultHostName
output stagingHostName string = staging.properties.defaultHostName
output principalId string = site.identity.principalId
output stagingPrincipalId string = staging.identity.principalId
