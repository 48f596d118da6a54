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

@description('Record tables are named <prefix><Kind> (e.g. OmoiRecords), so several installations can share one account.')
@minLength(1)
@maxLength(32)
param tablePrefix string = 'Omoi'

@minLength(1)
@description('Time limit of one request to the record tables (TimeSpan, hh:mm:ss).')
param storageTimeout string = '00:00:10'

@minValue(0)
@maxValue(10)
@description('Retries of a transient failure of the record tables.')
param storageRetries int = 3

@minLength(1)
@description('Time limit of one HTTP call to a planner model (TimeSpan).')
param plannerTimeout string = '00:02:00'

@minLength(1)
@description('Time limit of one planner call with all its retries (TimeSpan); longer than plannerTimeout.')
param plannerTotalTimeout string = '00:05:00'

@minValue(0)
@maxValue(10)
@description('Retries of a planner call on 429, 5xx, timeouts and connection errors.')
param plannerMaxRetries int = 3

@minLength(1)
@description('First backoff delay between planner retries (TimeSpan); it doubles per retry.')
param plannerRetryDelay string = '00:00:02'

@minValue(1)
@maxValue(1000000)
@description('Upper bound on the tokens a planner model may generate per phase.')
param plannerMaxOutputTokens int = 8192

@description('Send each phase\'s JSON schema as the response format; false for servers that only know plain JSON mode.')
param plannerJsonSchema bool = true

@description('OpenAI-compatible base URL including /v1; empty means api.openai.com.')
param openAiEndpoint string = ''

@description('Model of the openai planner; empty leaves that planner unconfigured (it is then registered only when planner is openai, which needs this).')
param openAiModel string = ''

@minLength(1)
@description('US dollars per million input tokens of openAiModel, for cost accounting.')
param openAiInputUsdPerMillionTokens string = '0'

@minLength(1)
@description('US dollars per million output tokens of openAiModel.')
param openAiOutputUsdPerMillionTokens string = '0'

@description('Azure OpenAI endpoint for the azure-openai planner, e.g. https://my-resource.openai.azure.com/.')
param azureOpenAiEndpoint string = ''

@description('Azure OpenAI deployment name; empty leaves the azure-openai planner unconfigured.')
param azureOpenAiDeployment string = ''

@allowed([
  'identity'
  'apiKey'
])
@description('How the azure-openai planner authenticates: the app identity (grant it Cognitive Services OpenAI User on your resource) or the azure-openai-api-key secret.')
param azureOpenAiAuthentication string = 'identity'

@minLength(1)
@description('US dollars per million input tokens of the Azure OpenAI deployment.')
param azureOpenAiInputUsdPerMillionTokens string = '0'

@minLength(1)
@description('US dollars per million output tokens of the Azure OpenAI deployment.')
param azureOpenAiOutputUsdPerMillionTokens string = '0'

@description('Anthropic API base URL without /v1; empty means https://api.anthropic.com.')
param anthropicEndpoint string = ''

@description('Model of the anthropic planner; empty leaves that planner unconfigured.')
param anthropicModel string = ''

@minLength(1)
@description('US dollars per million input tokens of anthropicModel.')
param anthropicInputUsdPerMillionTokens string = '0'

@minLength(1)
@description('US dollars per million output tokens of anthropicModel.')
param anthropicOutputUsdPerMillionTokens string = '0'

@description('Daytona API base URL.')
param daytonaApiUrl string = 'https://app.daytona.io/api'

@description('Daytona snapshot the task sandboxes start from (it must contain git, tar and the agent CLI); empty means the Daytona default.')
param daytonaSnapshot string = ''

@description('Daytona region for new sandboxes; empty means the Daytona default.')
param daytonaTarget string = ''

@description('Let sandboxed commands reach the network. The default agent (Claude Code) calls the Anthropic API from inside the sandbox.')
param sandboxAllowNetwork bool = true

@description('The default agent, by name: example, claude, codex, gemini or aider (docs/sandboxes.md). Specs may name another preset.')
@allowed(['example', 'claude', 'codex', 'gemini', 'aider'])
param agent string = 'claude'

@minValue(1)
@description('Default number of tasks of one spec that run at the same time.')
param maxParallelTasks int = 4

@minValue(1)
@description('Tasks running at the same time across all specs.')
param maxConcurrentTasks int = 8

@minLength(1)
@description('Wall-clock limit of one agent run (TimeSpan, hh:mm:ss). Keep it below host.json functionTimeout.')
param taskTimeout string = '00:30:00'

@minLength(1)
@description('How long Durable keeps a finished run\'s history before the hourly purge deletes it (TimeSpan, d.hh:mm:ss, at least 00:10:00). The specs\' own records stay.')
param runHistoryRetention string = '7.00:00:00'

@minLength(1)
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
@description('Azure OpenAI API key, stored in Key Vault when given; used only with azureOpenAiAuthentication=apiKey.')
param azureOpenAiApiKey string

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
    azureOpenAiApiKey: azureOpenAiApiKey
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
    tablePrefix: tablePrefix
    storageTimeout: storageTimeout
    storageRetries: storageRetries
    planner: planner
    plannerTimeout: plannerTimeout
    plannerTotalTimeout: plannerTotalTimeout
    plannerMaxRetries: plannerMaxRetries
    plannerRetryDelay: plannerRetryDelay
    plannerMaxOutputTokens: plannerMaxOutputTokens
    plannerJsonSchema: plannerJsonSchema
    openAiEndpoint: openAiEndpoint
    openAiModel: openAiModel
    openAiInputUsdPerMillionTokens: openAiInputUsdPerMillionTokens
    openAiOutputUsdPerMillionTokens: openAiOutputUsdPerMillionTokens
    azureOpenAiEndpoint: azureOpenAiEndpoint
    azureOpenAiDeployment: azureOpenAiDeployment
    azureOpenAiAuthentication: azureOpenAiAuthentication
    azureOpenAiInputUsdPerMillionTokens: azureOpenAiInputUsdPerMillionTokens
    azureOpenAiOutputUsdPerMillionTokens: azureOpenAiOutputUsdPerMillionTokens
    anthropicEndpoint: anthropicEndpoint
    anthropicModel: anthropicModel
    anthropicInputUsdPerMillionTokens: anthropicInputUsdPerMillionTokens
    anthropicOutputUsdPerMillionTokens: anthropicOutputUsdPerMillionTokens
    daytonaApiUrl: daytonaApiUrl
    daytonaSnapshot: daytonaSnapshot
    daytonaTarget: daytonaTarget
    sandboxAllowNetwork: sandboxAllowNetwork
    agent: agent
    maxParallelTasks: maxParallelTasks
    maxConcurrentTasks: maxConcurrentTasks
    taskTimeout: taskTimeout
    runHistoryRetention: runHistoryRetention
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
