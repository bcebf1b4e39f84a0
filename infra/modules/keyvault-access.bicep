// Lets managed identities read the vault's secrets (Key Vault references in app settings) and
// use its keys for wrap/unwrap (the Data Protection key ring).

param keyVaultName string

@description('Object ids of the service principals (the web app and its staging slot).')
param principalIds array

var roles = {
  // Key Vault Secrets User
  secretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  // Key Vault Crypto User
  cryptoUser: '12338af0-0e69-4776-bea7-57ae8d297424'
}

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' existing = {
  name: keyVaultName
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for principalId in principalIds: {
    scope: vault
    name: guid(vault.id, principalId, roles.secretsUser)
    properties: {
      principalId: principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.secretsUser)
    }
  }
]

resource cryptoUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for principalId in principalIds: {
    scope: vault
    name: guid(vault.id, principalId, roles.cryptoUser)
    properties: {
      principalId: principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.cryptoUser)
    }
  }
]
