// The Function App on the Flex Consumption plan (FC1), dotnet-isolated, with a user-assigned identity.
// Storage is reached with that identity (AzureWebJobsStorage__* settings; the account has keys off), the
// package is deployed to a blob container with it, and telemetry is sent with it (Application Insights has
// local auth off). Tagged azd-service-name so that `azd deploy` finds the app of the `function` service.

@description('Function App name (also its default host name prefix).')
param name string

@description('Region of the plan and the app.')
param location string

@description('Tags for every resource.')
param tags object

@description('Storage account name the app uses for AzureWebJobsStorage and its pipeline data.')
param storageAccountName string

@description('Container the Flex Consumption app deploys its package from.')
param deploymentContainer string

@description('Application Insights connection string.')
param appInsightsConnectionString string

@description('Resource id of the app\'s user-assigned identity.')
param identityId string

@description('Client id of the app\'s user-assigned identity.')
param identityClientId string

@description('Log Analytics workspace that receives FunctionAppLogs.')
param workspaceId string

@description('The azd service this app is (azure.yaml), for the azd-service-name tag.')
param serviceName string

@description('Most instances the app scales out to (Flex Consumption: 40 to 1000).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory of each instance in MB (Flex Consumption sizes).')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('.NET version of the isolated worker.')
param dotnetVersion string

@description('App settings of the pipeline (the trigger settings and Pipeline__* names), merged into the app\'s settings.')
param pipelineSettings object

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-${name}'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

// Identity-based connection, read both by the Functions host (triggers) and by the shared runtime.
var storageSettings = [
  {
    name: 'AzureWebJobsStorage__credential'
    value: 'managedidentity'
  }
  {
    name: 'AzureWebJobsStorage__clientId'
    value: identityClientId
  }
  {
    name: 'AzureWebJobsStorage__blobServiceUri'
    value: storage.properties.primaryEndpoints.blob
  }
  {
    name: 'AzureWebJobsStorage__queueServiceUri'
    value: storage.properties.primaryEndpoints.queue
  }
  {
    name: 'AzureWebJobsStorage__tableServiceUri'
    value: storage.properties.primaryEndpoints.table
  }
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: appInsightsConnectionString
  }
  {
    name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
    value: 'ClientId=${identityClientId};Authorization=AAD'
  }
]

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, {
    'azd-service-name': serviceName
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
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // Flex Consumption takes the worker runtime from functionAppConfig, not from FUNCTIONS_WORKER_RUNTIME.
      appSettings: concat(storageSettings, map(items(pipelineSettings), setting => {
        name: setting.key
        value: setting.value
      }))
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainer}'
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
        version: dotnetVersion
      }
    }
  }
}

// Function executions and host logs in Log Analytics (FunctionAppLogs), next to the Event Grid delivery failures.
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'function-app-logs'
  scope: app
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'FunctionAppLogs'
        enabled: true
      }
    ]
  }
}

@description('The app name.')
output name string = app.name

@description('The app resource id.')
output id string = app.id

@description('The app\'s default host name (Flex Consumption may add a unique suffix to it).')
output defaultHostName string = app.properties.defaultHostName
