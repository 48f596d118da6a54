// Key Vault for the planner, sandbox and agent keys. RBAC mode: no access policies; the app identity reads
// secrets through Key Vault Secrets User (rbac.bicep). A secret is written only when its value is given,
// so a key set out of band (az keyvault secret set) is never overwritten by a later provision.
param name string
param location string
param tags object

@secure()
param openAiApiKey string

@secure()
param azureOpenAiApiKey string

@secure()
param anthropicApiKey string

@secure()
param daytonaApiKey string

@secure()
param agentApiKey string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
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
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource openAiSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(openAiApiKey)) {
  parent: vault
  name: 'openai-api-key'
  properties: {
    value: openAiApiKey
  }
}

resource azureOpenAiSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(azureOpenAiApiKey)) {
  parent: vault
  name: 'azure-openai-api-key'
  properties: {
    value: azureOpenAiApiKey
  }
}

resource anthropicSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(anthropicApiKey)) {
  parent: vault
  name: 'anthropic-api-key'
  properties: {
    value: anthropicApiKey
  }
}

resource daytonaSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(daytonaApiKey)) {
  parent: vault
  name: 'daytona-api-key'
  properties: {
    value: daytonaApiKey
  }
}

resource agentSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(agentApiKey)) {
  parent: vault
  name: 'agent-api-key'
  properties: {
    value: agentApiKey
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
