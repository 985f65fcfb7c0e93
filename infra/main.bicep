// The ingestion pipeline in Azure: storage (keys off), a Flex Consumption Function App with a
// user-assigned identity, monitoring (local auth off), least-privilege roles, and Event Grid for blob intake.
//
//   azd up                                      (azure.yaml; parameters from infra/main.parameters.json)
//   az deployment group create -g <group> -f infra/main.bicep -p infra/main.dev.bicepparam
//
// Names of containers, queues and the table match PipelineStorageOptions' defaults. The raw container and the
// work queue reach the app as PipelineRawContainer and PipelineWorkQueue, the settings the triggers' %...%
// expressions name (no separators: the Flex Consumption scale controller reads them literally); the rest as
// Pipeline__Storage__* settings.
targetScope = 'resourceGroup'

@description('Short name of the workload; the base of every resource name.')
@minLength(2)
@maxLength(12)
param workloadName string = 'pipeline'

@description('Environment name, e.g. dev, test, prod (azd passes AZURE_ENV_NAME). Letters, digits and dashes.')
@minLength(1)
@maxLength(64)
param environmentName string

@description('Region of every resource.')
param location string = resourceGroup().location

@description('Most instances the Function App scales out to (Flex Consumption: 40 to 1000).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory of each Function App instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('.NET version of the isolated worker (the app targets net10.0).')
param dotnetVersion string = '10.0'

@description('Days Log Analytics keeps data.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Create the Event Grid subscription to the blob trigger. Set true only after the app\'s code is published (the webhook key exists from then on).')
param deployEventSubscription bool = false

@description('Principal id of a user to give the storage data roles (blobs, queues, tables), so `pipeline` commands work against the account after `az login`; empty for none. Defaults to whoever deploys.')
param userPrincipalId string = deployer().objectId

@description('Tags for every resource.')
param tags object = {}

// Names valid whatever the environment name: storage accounts take 3-24 lowercase letters and digits only, so
// dashes and underscores are dropped and the readable part is cut to leave room for the unique suffix (13).
var baseName = take(toLower('${workloadName}-${environmentName}'), 40)
var suffix = uniqueString(resourceGroup().id, workloadName, environmentName)
var storageAccountName = 'st${take(replace(replace(toLower('${workloadName}${environmentName}'), '-', ''), '_', ''), 9)}${suffix}'
var functionAppName = 'func-${baseName}-${take(suffix, 6)}'
var identityName = 'id-${baseName}'
var appInsightsName = 'appi-${baseName}'
var serviceName = 'function'
var allTags = union(tags, {
  workload: workloadName
  environment: environmentName
  'azd-env-name': environmentName
})

// The runtime's storage names (PipelineStorageOptions defaults).
var rawContainer = 'raw'
var workQueue = 'pipeline-work'
var pipelineStorage = {
  rawContainer: rawContainer
  processedContainer: 'processed'
  resultsContainer: 'results'
  stateContainer: 'pipeline-state'
  workQueue: workQueue
  poisonQueue: '${workQueue}-poison'
  eventsQueue: 'pipeline-events'
  dedupTable: 'pipelinededup'
}
var deploymentContainer = 'app-package'

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: storageAccountName
    location: location
    tags: allTags
    containers: [
      pipelineStorage.rawContainer
      pipelineStorage.processedContainer
      pipelineStorage.resultsContainer
      pipelineStorage.stateContainer
    ]
    queues: [
      pipelineStorage.workQueue
      pipelineStorage.poisonQueue
      pipelineStorage.eventsQueue
    ]
    dedupTable: pipelineStorage.dedupTable
    deploymentContainer: deploymentContainer
  }
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: identityName
    location: location
    tags: allTags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    baseName: baseName
    appInsightsName: appInsightsName
    location: location
    tags: allTags
    retentionInDays: logRetentionInDays
  }
}

// Before the app: its identity can reach storage and telemetry from its first start.
module roles 'modules/roles.bicep' = {
  name: 'roles'
  dependsOn: [
    storage
    monitoring
  ]
  params: {
    storageAccountName: storageAccountName
    appInsightsName: appInsightsName
    appIdentityName: identityName
    appPrincipalId: identity.outputs.principalId
    userPrincipalId: userPrincipalId
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionApp'
  dependsOn: [
    storage
    roles
  ]
  params: {
    name: functionAppName
    location: location
    tags: allTags
    serviceName: serviceName
    storageAccountName: storageAccountName
    deploymentContainer: deploymentContainer
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    workspaceId: monitoring.outputs.workspaceId
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    dotnetVersion: dotnetVersion
    pipelineSettings: {
      PipelineRawContainer: pipelineStorage.rawContainer
      PipelineWorkQueue: pipelineStorage.workQueue
      Pipeline__Storage__ProcessedContainer: pipelineStorage.processedContainer
      Pipeline__Storage__ResultsContainer: pipelineStorage.resultsContainer
      Pipeline__Storage__StateContainer: pipelineStorage.stateContainer
      Pipeline__Storage__EventsQueue: pipelineStorage.eventsQueue
      Pipeline__Storage__DedupTable: pipelineStorage.dedupTable
      // The storage module made every container, queue and the table: no creation requests at each cold start.
      Pipeline__Functions__CreateStorage: 'false'
    }
  }
}

module eventGrid 'modules/eventgrid.bicep' = {
  name: 'eventGrid'
  dependsOn: [
    storage
    functionApp
  ]
  params: {
    storageAccountName: storageAccountName
    location: location
    tags: allTags
    functionAppName: functionAppName
    functionName: 'BlobIntake'
    rawContainer: pipelineStorage.rawContainer
    deployEventSubscription: deployEventSubscription
    workspaceId: monitoring.outputs.workspaceId
  }
}

// Output names are azd's environment variables (azd env get-values); the postdeploy hook reads them.
@description('The Function App name (for `az functionapp deployment source config-zip -n`).')
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name

@description('The Function App\'s default host name.')
output AZURE_FUNCTION_APP_HOST_NAME string = functionApp.outputs.defaultHostName

@description('The storage account name (AzureWebJobsStorage__accountName for `pipeline` commands run against it).')
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name

@description('Blob service endpoint.')
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint

@description('Application Insights component name.')
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.appInsightsName

@description('Event Grid system topic name.')
output EVENT_GRID_SYSTEM_TOPIC_NAME string = eventGrid.outputs.systemTopicName

@description('Name of the blob-triggered function the subscription delivers to.')
output BLOB_INTAKE_FUNCTION_NAME string = 'BlobIntake'

@description('Container whose new blobs are delivered (the subscription\'s subject filter).')
output RAW_CONTAINER_NAME string = pipelineStorage.rawContainer
