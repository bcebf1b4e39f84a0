// Key Vault (RBAC authorization, soft delete + purge protection), the RSA key that wraps the
// ASP.NET Core Data Protection key ring, and the secrets the app settings reference.
//
// A secret is written here only when its value is passed in (a @secure() parameter of main.bicep);
// an empty value means "created out of band" (see infra/README.md): the app setting still points
// at the secret's version-less URI, which resolves to whatever latest version exists.

param location string

@description('Key Vault name (3-24 characters, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Days a deleted vault/secret/key stays recoverable.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int = 90

@description('Secret values by secret name; empty values are skipped (created out of band).')
@secure()
param secretValues object

param tags object = {}

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    // Purge protection cannot be switched off again once on: a deleted vault stays recoverable.
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

// Wraps the Data Protection key ring (the ring itself lives in the database, shared by every
// instance). A PUT of an existing key returns it unchanged, so redeploying does not add versions.
resource dataProtectionKey 'Microsoft.KeyVault/vaults/keys@2024-11-01' = {
  parent: vault
  name: 'dataprotection'
  tags: tags
  properties: {
    kty: 'RSA'
    keySize: 3072
    keyOps: [
      'wrapKey'
      'unwrapKey'
    ]
    attributes: {
      enabled: true
    }
  }
}

resource secrets 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = [
  for secret in items(secretValues): if (!empty(secret.value)) {
    parent: vault
    name: secret.key
    properties: {
      value: secret.value
      contentType: 'text/plain'
    }
  }
]

output name string = vault.name
output id string = vault.id
output uri string = vault.properties.vaultUri
@description('Version-less key identifier: the app always wraps with the newest version.')
output dataProtectionKeyUri string = dataProtectionKey.properties.keyUri
