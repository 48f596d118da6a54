// OmoiOs on Azure Functions Flex Consumption. `azd up` deploys this file (see azure.yaml and docs/azure.md).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; it seeds every resource name.')
param environmentName string

@minLength(1)
@description('Region for every resource. It must offer the Flex Consumption plan (az functionapp list-flexconsumption-locations).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the person running azd (azd fills AZURE_PRINCIPAL_ID). Gets data access to the task hub for the Durable Functions Monitor and may set Key Vault secrets. Empty: no human access.')
param principalId string = ''

@allowed([
  'User'
  'ServicePrincipal'
])
@description('Kind of principal principalId is (ServicePrincipal when azd runs in a pipeline).')
param principalType string = 'User'

@description('Put the function app in a virtual network and let storage accept only that subnet and trusted Azure services.')
param vnetEnabled bool = false

@minLength(3)
@maxLength(45)
@description('Durable Functions task hub name (letters and digits, starting with a letter).')
param taskHubName string = 'OmoiOs'

@allowed([
  'heuristic'
  'openai'
  'azure-openai'
  'anthropic'
])
@description('Planner that writes each phase.')
param planner string = 'heuristic'

@description('OpenAI-compatible base URL; empty means api.openai.com.')
param openAiBaseUrl string = ''

@description('Azure OpenAI endpoint for the azure-openai planner (the app identity authenticates).')
param azureOpenAiEndpoint string = ''

@description('Azure OpenAI deployment name for the azure-openai planner.')
param azureOpenAiDeployment string = ''

@description('Daytona API base URL.')
param daytonaApiUrl string = 'https://app.daytona.io/api'

@description('Daytona snapshot the task sandboxes start from (it must contain git, tar and the agent CLI); empty means the Daytona default.')
param daytonaSnapshot string = ''

@description('Daytona region for new sandboxes; empty means the Daytona default.')
param daytonaTarget string = ''

@description('Let sandboxed commands reach the network. The default agent (Claude Code) calls the Anthropic API from inside the sandbox.')
param sandboxAllowNetwork bool = true

@description('Agent command template run inside each sandbox; {prompt} is replaced by the prompt file path (so @{prompt} is a Claude Code file mention).')
param agentCommand string = 'claude -p @{prompt} --output-format stream-json --verbose --permission-mode acceptEdits'

@minValue(1)
@description('Default number of tasks of one spec that run at the same time.')
param maxParallelTasks int = 4

@minValue(1)
@description('Tasks running at the same time across all specs.')
param maxConcurrentTasks int = 8

@description('Wall-clock limit of one agent run (TimeSpan, hh:mm:ss). Keep it below host.json functionTimeout.')
param taskTimeout string = '00:30:00'

@description('Wall-clock limit of a task\'s check command (TimeSpan).')
param checkTimeout string = '00:10:00'

@minValue(40)
@maxValue(1000)
@description('Flex Consumption scale-out ceiling.')
param maximumInstanceCount int = 40

@allowed([
  512
  2048
  4096
])
@description('Memory of each Flex Consumption instance, MB.')
param instanceMemoryMB int = 2048

@secure()
@description('OpenAI API key, stored in Key Vault when given. Map it from the azd environment (never a literal).')
param openAiApiKey string

@secure()
@description('Anthropic API key, stored in Key Vault when given.')
param anthropicApiKey string

@secure()
@description('Daytona API key, stored in Key Vault when given. Required at run time: Azure runs tasks in Daytona.')
param daytonaApiKey string

@secure()
@description('Anthropic key handed to the coding agent inside the sandbox (as ANTHROPIC_API_KEY), stored in Key Vault when given.')
param agentApiKey string

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var functionAppName = 'func-omoi-${resourceToken}'
var deploymentContainerName = 'app-package-${take(functionAppName, 32)}-${take(resourceToken, 7)}'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-omoi-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-omoi-${resourceToken}'
    applicationInsightsName: 'appi-omoi-${resourceToken}'
    location: location
    tags: tags
  }
}

module network 'modules/network.bicep' = if (vnetEnabled) {
  name: 'network'
  scope: rg
  params: {
    name: 'vnet-omoi-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'stomoi${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    allowedSubnetId: network.?outputs.appSubnetId ?? ''
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyVault'
  scope: rg
  params: {
    name: 'kv-omoi-${resourceToken}'
    location: location
    tags: tags
    openAiApiKey: openAiApiKey
    anthropicApiKey: anthropicApiKey
    daytonaApiKey: daytonaApiKey
    agentApiKey: agentApiKey
  }
}

module rbac 'modules/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    identityPrincipalId: identity.outputs.principalId
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    keyVaultName: keyVault.outputs.name
  }
}

module operatorAccess 'modules/operator-access.bicep' = if (!empty(principalId)) {
  name: 'operatorAccess'
  scope: rg
  params: {
    principalId: principalId
    principalType: principalType
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionApp'
  scope: rg
  params: {
    name: functionAppName
    planName: 'plan-omoi-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    keyVaultUri: keyVault.outputs.uri
    subnetId: network.?outputs.appSubnetId ?? ''
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    taskHubName: taskHubName
    planner: planner
    openAiBaseUrl: openAiBaseUrl
    azureOpenAiEndpoint: azureOpenAiEndpoint
    azureOpenAiDeployment: azureOpenAiDeployment
    daytonaApiUrl: daytonaApiUrl
    daytonaSnapshot: daytonaSnapshot
    daytonaTarget: daytonaTarget
    sandboxAllowNetwork: sandboxAllowNetwork
    agentCommand: agentCommand
    maxParallelTasks: maxParallelTasks
    maxConcurrentTasks: maxConcurrentTasks
    taskTimeout: taskTimeout
    checkTimeout: checkTimeout
  }
  // The app's first start reads storage and Key Vault through the identity: grant before it boots.
  dependsOn: [
    rbac
  ]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_HOSTNAME string = functionApp.outputs.defaultHostname
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output OMOI_TASK_HUB string = taskHubName
