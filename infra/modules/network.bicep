// Virtual network for private access: one subnet delegated to App Service (VNet integration of the
// web app and its staging slot) and one delegated to PostgreSQL Flexible Server, plus the private
// DNS zone the server's private name resolves in.

@description('Azure region.')
param location string

@description('Name prefix, e.g. gn-prod.')
param namePrefix string

@description('Address space of the virtual network.')
param addressPrefix string = '10.40.0.0/16'

@description('Subnet for App Service VNet integration (at least /27; /26 leaves room for scale-out and slots).')
param appSubnetPrefix string = '10.40.1.0/26'

@description('Subnet delegated to PostgreSQL Flexible Server (primary, standby and read replica share it).')
param postgresSubnetPrefix string = '10.40.2.0/28'

@description('Subnet for a Managed DevOps Pool (the deployment agents that run migrations must reach the private server); empty: none.')
param agentSubnetPrefix string = '10.40.3.0/27'

param tags object = {}

var agentSubnet = empty(agentSubnetPrefix)
  ? []
  : [
      {
        name: 'snet-agents'
        properties: {
          addressPrefix: agentSubnetPrefix
          delegations: [
            {
              name: 'managed-devops-pool'
              properties: {
                serviceName: 'Microsoft.DevOpsInfrastructure/pools'
              }
            }
          ]
        }
      }
    ]

resource vnet 'Microsoft.Network/virtualNetworks@2024-07-01' = {
  name: 'vnet-${namePrefix}'
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        addressPrefix
      ]
    }
    subnets: concat(
      [
        {
          name: 'snet-app'
          properties: {
            addressPrefix: appSubnetPrefix
            delegations: [
              {
                name: 'app-service'
                properties: {
                  serviceName: 'Microsoft.Web/serverFarms'
                }
              }
            ]
          }
        }
        {
          name: 'snet-postgres'
          properties: {
            addressPrefix: postgresSubnetPrefix
            delegations: [
              {
                name: 'postgres-flexible'
                properties: {
                  serviceName: 'Microsoft.DBforPostgreSQL/flexibleServers'
                }
              }
            ]
          }
        }
      ],
      agentSubnet
    )
  }
}

// The zone name must end in .postgres.database.azure.com for Flexible Server private access.
resource postgresDnsZone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: '${namePrefix}.private.postgres.database.azure.com'
  location: 'global'
  tags: tags
}

resource postgresDnsLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: postgresDnsZone
  name: 'link-${vnet.name}'
  location: 'global'
  tags: tags
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: vnet.id
    }
  }
}

output vnetId string = vnet.id
output appSubnetId string = resourceId('Microsoft.Network/virtualNetworks/subnets', vnet.name, 'snet-app')
output postgresSubnetId string = resourceId('Microsoft.Network/virtualNetworks/subnets', vnet.name, 'snet-postgres')
output postgresDnsZoneId string = postgresDnsZone.id
output postgresDnsLinkId string = postgresDnsLink.id
output agentSubnetId string = empty(agentSubnetPrefix)
  ? ''
  : resourceId('Microsoft.Network/virtualNetworks/subnets', vnet.name, 'snet-agents')
