// Case documents (Features/Documents, Documents__Store=AzureBlob): one private blob container in a storage
// account that allows no public blob access, no shared keys and nothing below TLS 1.2. The web app's managed
// identities (production and staging slot) are its only writers: Storage Blob Data Contributor on the account.

param location string

@description('Storage account name: 3-24 lower-case letters and digits.')
@minLength(3)
@maxLength(24)
param name string

@description('The container the application stores documents in (Documents__BlobContainer).')
param containerName string = 'handlingar'

@description('Object ids of the service principals (the web app and its staging slot).')
param principalIds array

param tags object = {}

// Storage Blob Data Contributor
var blobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

resource account 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Standard_ZRS'
  }
  kind: 'StorageV2'
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: account
  name: 'default'
}

resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobService
  name: containerName
  properties: {
    publicAccess: 'None'
  }
}

resource contributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for principalId in principalIds: {
    scope: account
    name: guid(account.id, principalId, blobDataContributor)
    properties: {
      principalId: principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataContributor)
    }
  }
]

@description('The blob endpoint, e.g. https://stgnprodabc.blob.core.windows.net/ (Documents__BlobAccountUrl).')
output blobEndpoint string = account.properties.primaryEndpoints.blob

output containerName string = container.name
