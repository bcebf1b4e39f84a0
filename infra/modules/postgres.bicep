// Azure Database for PostgreSQL Flexible Server (v16) with private access only: it lives in a
// delegated subnet and resolves through a private DNS zone. Zone-redundant high availability,
// geo-redundant backup and the read replica are switched per environment by parameters.

param location string

@description('Server name (globally unique, lower case).')
param serverName string

@description('Database the application uses.')
param databaseName string = 'gemensamnamnd'

@allowed([
  '16'
])
param version string = '16'

@description('Compute SKU, e.g. Standard_B2s (Burstable) or Standard_D2ds_v5 (GeneralPurpose).')
param skuName string

@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param skuTier string

@minValue(32)
param storageSizeGB int = 32

@description('Disabled, or ZoneRedundant (standby in another availability zone; not on Burstable).')
@allowed([
  'Disabled'
  'ZoneRedundant'
  'SameZone'
])
param highAvailabilityMode string = 'Disabled'

@description('Geo-redundant backup (paired region). Can only be chosen when the server is created.')
param geoRedundantBackup bool = false

@minValue(7)
@maxValue(35)
param backupRetentionDays int = 7

@description('Create a read replica in the same region (same VNet/subnet/DNS zone).')
param createReadReplica bool = false

@description('Administrator login (member of azure_pg_admin, not a superuser). Used only for first-run role setup.')
param administratorLogin string

@description('Administrator password. Needed when the server is created; empty on later deployments keeps the current one.')
@secure()
param administratorLoginPassword string

param delegatedSubnetId string
param privateDnsZoneId string

param tags object = {}

var network = {
  delegatedSubnetResourceId: delegatedSubnetId
  privateDnsZoneArmResourceId: privateDnsZoneId
  publicNetworkAccess: 'Disabled'
}

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: serverName
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuTier
  }
  properties: {
    version: version
    administratorLogin: administratorLogin
    administratorLoginPassword: empty(administratorLoginPassword) ? null : administratorLoginPassword
    authConfig: {
      passwordAuth: 'Enabled'
      activeDirectoryAuth: 'Disabled'
    }
    storage: {
      storageSizeGB: storageSizeGB
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: backupRetentionDays
      geoRedundantBackup: geoRedundantBackup ? 'Enabled' : 'Disabled'
    }
    highAvailability: {
      mode: highAvailabilityMode
    }
    network: network
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: server
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// Read-only copy for the committee's cross-party aggregates (ConnectionStrings__Aggregates).
// Roles and data replicate from the primary; the replica has no HA and no geo-backup of its own.
resource replica 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = if (createReadReplica) {
  name: '${serverName}-replica'
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuTier
  }
  properties: {
    createMode: 'Replica'
    sourceServerResourceId: server.id
    storage: {
      storageSizeGB: storageSizeGB
      autoGrow: 'Enabled'
    }
    network: network
  }
  dependsOn: [
    database
  ]
}

output serverId string = server.id
output serverName string = server.name
output fqdn string = server.properties.fullyQualifiedDomainName
output databaseName string = database.name
output replicaFqdn string = createReadReplica ? replica!.properties.fullyQualifiedDomainName : ''
