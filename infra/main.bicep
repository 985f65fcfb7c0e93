// The ingestion pipeline in Azure: storage (keys off), a Flex Consumption Function App with a
// system-assigned identity, monitoring, least-privilege roles, and Event Grid for blob intake.
//
//   az deployment group create -g <group> -f infra/main.bicep -p infra/main.dev.bicepparam
//
// Names of containers, queues and the table match PipelineStorageOptions' defaults, and are passed to the
// app as Pipeline__Storage__* settings, which the triggers read through %Pipeline:Storage:*% expressions.
targetScope = 'resourceGroup'

@description('Short name of the workload; the base of every resource name.')
@minLength(2)
@maxLength(12)
param workloadName string = 'pipeline'

@description('Environment name, e.g. dev, test, prod.')
@minLength(2)
@maxLength(8)
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

@description('Tags for every resource.')
param tags object = {}

var baseName = '${workloadName}-${environmentName}'
var suffix = uniqueString(resourceGroup().id, baseName)
var storageAccountName = take(toLower('st${replace(workloadName, '-', '')}${environmentName}${suffix}'), 24)
var functionAppName = 'func-${baseName}-${take(suffix, 6)}'
var allTags = union(tags, {
  workload: workloadName
  environment: environmentName
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

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    baseName: baseName
    location: location
    tags: allTags
    retentionInDays: logRetentionInDays
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionApp'
  dependsOn: [
    storage
  ]
  params: {
    name: functionAppName
    location: location
    tags: allTags
    storageAccountName: storageAccountName
    deploymentContainer: deploymentContainer
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    dotnetVersion: dotnetVersion
    pipelineSettings: {
      Pipeline__Storage__RawContainer: pipelineStorage.rawContainer
      Pipeline__Storage__ProcessedContainer: pipelineStorage.processedContainer
      Pipeline__Storage__ResultsContainer: pipelineStorage.resultsContainer
      Pipeline__Storage__StateContainer: pipelineStorage.stateContainer
      Pipeline__Storage__WorkQueue: pipelineStorage.workQueue
      Pipeline__Storage__EventsQueue: pipelineStorage.eventsQueue
      Pipeline__Storage__DedupTable: pipelineStorage.dedupTable
    }
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  dependsOn: [
    functionApp
  ]
  params: {
    storageAccountName: storageAccountName
    functionAppName: functionAppName
  }
}

module eventGrid 'modules/eventgrid.bicep' = {
  name: 'eventGrid'
  params: {
    storageAccountName: storageAccountName
    location: location
    tags: allTags
    functionAppName: functionAppName
    functionName: 'BlobIntake'
    rawContainer: pipelineStorage.rawContainer
    deployEventSubscription: deployEventSubscription
  }
  // The app exists by then; the roles first, so the host can reach storage when the webhook is validated.
  dependsOn: [
    roles
  ]
}

@description('The Function App name (for `az functionapp deployment source config-zip -n`).')
output functionAppName string = functionApp.outputs.name

@description('The Function App\'s default host name.')
output functionAppHostName string = functionApp.outputs.defaultHostName

@description('The storage account name (AzureWebJobsStorage__accountName for `pipeline` commands run against it).')
output storageAccountName string = storage.outputs.name

@description('Blob service endpoint.')
output blobEndpoint string = storage.outputs.blobEndpoint

@description('Queue service endpoint.')
output queueEndpoint string = storage.outputs.queueEndpoint

@description('Table service endpoint.')
output tableEndpoint string = storage.outputs.tableEndpoint

@description('Application Insights component name.')
output appInsightsName string = monitoring.outputs.appInsightsName

@description('Event Grid system topic name.')
output eventGridSystemTopicName string = eventGrid.outputs.systemTopicName
