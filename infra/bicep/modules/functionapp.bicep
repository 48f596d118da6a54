// Flex Consumption plan + the Linux function app that hosts OmoiOs.Functions, and every app setting it
// reads. The settings are one literal object on purpose: OmoiOs.Tests/Deployment checks it against the
// keys the code binds, and docs/azure.md explains each one.
param name string
param planName string
param location string
param tags object
param identityId string
param identityClientId string
param storageAccountName string
param deploymentContainerName string
param applicationInsightsConnectionString string
param keyVaultUri string
param subnetId string
param maximumInstanceCount int
param instanceMemoryMB int
param taskHubName string
param tablePrefix string
param storageTimeout string
param storageRetries int
param planner string
param plannerTimeout string
param plannerTotalTimeout string
param plannerMaxRetries int
param plannerRetryDelay string
param plannerMaxOutputTokens int
param plannerJsonSchema bool
param openAiEndpoint string
param openAiModel string
param openAiInputUsdPerMillionTokens string
param openAiOutputUsdPerMillionTokens string
param azureOpenAiEndpoint string
param azureOpenAiDeployment string
param azureOpenAiAuthentication string
param azureOpenAiInputUsdPerMillionTokens string
param azureOpenAiOutputUsdPerMillionTokens string
param anthropicEndpoint string
param anthropicModel string
param anthropicInputUsdPerMillionTokens string
param anthropicOutputUsdPerMillionTokens string
param daytonaApiUrl string
param daytonaSnapshot string
param daytonaTarget string
param sandboxAllowNetwork bool
param agent string
param maxParallelTasks int
param maxConcurrentTasks int
param taskTimeout string
param runHistoryRetention string
param checkTimeout string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, {
    'azd-service-name': 'functions'
  })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Without this the platform resolves Key Vault references with a system-assigned identity the app does not have.
    keyVaultReferenceIdentity: identityId
    virtualNetworkSubnetId: empty(subnetId) ? null : subnetId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// azd deploys with an Entra token; publishing with basic credentials stays off.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

// Flex Consumption takes the runtime from functionAppConfig and rejects FUNCTIONS_WORKER_RUNTIME and
// FUNCTIONS_EXTENSION_VERSION here. No connection string anywhere: storage is reached by identity.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
    AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
    AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
    AZURE_CLIENT_ID: identityClientId
    OMOI_TASK_HUB: taskHubName
    OMOI_STORAGE_TABLE_URI: storage.properties.primaryEndpoints.table
    OMOI_STORAGE_CLIENT_ID: identityClientId
    OMOI_TABLE_PREFIX: tablePrefix
    OMOI_STORAGE_TIMEOUT: storageTimeout
    OMOI_STORAGE_RETRIES: string(storageRetries)
    // Remote repositories are cloned here; /tmp is the instance's writable local disk.
    OMOI_DATA_DIR: '/tmp/omoi'
    // No local repositories in Azure: a spec names an https or ssh git URL, never a path on the Functions host.
    OMOI_REPOSITORY_ROOTS: ''
    OMOI_PLANNER: planner
    OMOI_PLANNER_TIMEOUT: plannerTimeout
    OMOI_PLANNER_TOTAL_TIMEOUT: plannerTotalTimeout
    OMOI_PLANNER_MAX_RETRIES: string(plannerMaxRetries)
    OMOI_PLANNER_RETRY_DELAY: plannerRetryDelay
    OMOI_PLANNER_MAX_OUTPUT_TOKENS: string(plannerMaxOutputTokens)
    OMOI_PLANNER_JSON_SCHEMA: string(plannerJsonSchema)
    OMOI_OPENAI_ENDPOINT: openAiEndpoint
    OMOI_OPENAI_MODEL: openAiModel
    OMOI_OPENAI_API_KEY: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/openai-api-key)'
    OMOI_OPENAI_INPUT_USD_PER_MTOK: openAiInputUsdPerMillionTokens
    OMOI_OPENAI_OUTPUT_USD_PER_MTOK: openAiOutputUsdPerMillionTokens
    OMOI_AZURE_OPENAI_ENDPOINT: azureOpenAiEndpoint
    OMOI_AZURE_OPENAI_DEPLOYMENT: azureOpenAiDeployment
    // An empty key means "authenticate with the identity"; an unresolved reference would not be empty.
    OMOI_AZURE_OPENAI_API_KEY: azureOpenAiAuthentication == 'apiKey' ? '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/azure-openai-api-key)' : ''
    OMOI_AZURE_OPENAI_CLIENT_ID: identityClientId
    OMOI_AZURE_OPENAI_INPUT_USD_PER_MTOK: azureOpenAiInputUsdPerMillionTokens
    OMOI_AZURE_OPENAI_OUTPUT_USD_PER_MTOK: azureOpenAiOutputUsdPerMillionTokens
    OMOI_ANTHROPIC_ENDPOINT: anthropicEndpoint
    OMOI_ANTHROPIC_MODEL: anthropicModel
    OMOI_ANTHROPIC_API_KEY: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/anthropic-api-key)'
    OMOI_ANTHROPIC_INPUT_USD_PER_MTOK: anthropicInputUsdPerMillionTokens
    OMOI_ANTHROPIC_OUTPUT_USD_PER_MTOK: anthropicOutputUsdPerMillionTokens
    OMOI_SANDBOX: 'daytona'
    OMOI_SANDBOX_ALLOW_NETWORK: string(sandboxAllowNetwork)
    OMOI_SANDBOX_OUTPUT_LIMIT_BYTES: '4194304'
    OMOI_WORKSPACE_ROOT: '/tmp/omoi-workspaces'
    OMOI_CHECK_TIMEOUT: checkTimeout
    OMOI_DAYTONA_API_URL: daytonaApiUrl
    OMOI_DAYTONA_API_KEY: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/daytona-api-key)'
    OMOI_DAYTONA_SNAPSHOT: daytonaSnapshot
    OMOI_DAYTONA_TARGET: daytonaTarget
    OMOI_DAYTONA_WORKSPACE_PATH: '/home/daytona/workspace'
    OMOI_DAYTONA_START_TIMEOUT: '00:03:00'
    OMOI_DAYTONA_POLL_INTERVAL: '00:00:00.500'
    OMOI_DAYTONA_MAX_POLL_INTERVAL: '00:00:05'
    OMOI_DAYTONA_AUTO_STOP_MINUTES: '60'
    OMOI_AGENT: agent
    OMOI_AGENT_PASS_ENV: 'ANTHROPIC_API_KEY'
    ANTHROPIC_API_KEY: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/agent-api-key)'
    OMOI_MAX_PARALLEL_TASKS: string(maxParallelTasks)
    OMOI_MAX_CONCURRENT_TASKS: string(maxConcurrentTasks)
    OMOI_TASK_TIMEOUT: taskTimeout
    OMOI_RUN_HISTORY_RETENTION: runHistoryRetention
  }
}

output name string = site.name
output defaultHostname string = site.properties.defaultHostName
