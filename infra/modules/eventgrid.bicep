// Event Grid: a system topic on the storage account, and (once the app's code is deployed) a subscription
// that delivers BlobCreated events under the raw container to the blob trigger's webhook.
//
// The webhook needs the blobs_extension system key, which the Functions host creates only when it first
// indexes a blob trigger with Source = EventGrid, that is after the code is published; and Event Grid
// validates the endpoint when the subscription is created. So the subscription comes after publishing: with
// azd, the postdeploy hook (infra/hooks/postdeploy.sh) creates it; without, a second deployment with
// deployEventSubscription = true does (see the README). Delivery failures go to Log Analytics either way.

@description('Storage account whose blob events are published.')
param storageAccountName string

@description('Region of the storage account (a system topic lives where its source does).')
param location string

@description('Tags for every resource.')
param tags object

@description('Function App that receives the events.')
param functionAppName string

@description('Name of the blob-triggered function (BlobIntakeFunction.Name).')
param functionName string

@description('Container whose new blobs are delivered.')
param rawContainer string

@description('Create the event subscription (only after the app\'s code is published).')
param deployEventSubscription bool

@description('Log Analytics workspace that receives the topic\'s delivery failures.')
param workspaceId string

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource app 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: 'evgt-${storageAccountName}'
  location: location
  tags: tags
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

// Events Event Grid gave up on, or could not deliver yet (the app down, the key wrong), with their reason.
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'delivery-failures'
  scope: systemTopic
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'DeliveryFailures'
        enabled: true
      }
    ]
  }
}

// Read only when the subscription is deployed: before the code is published the key does not exist.
var blobsExtensionKey = deployEventSubscription ? listKeys('${app.id}/host/default', '2024-04-01').systemKeys.blobs_extension : ''

resource subscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = if (deployEventSubscription) {
  parent: systemTopic
  name: 'raw-blob-created'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${app.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${functionName}&code=${blobsExtensionKey}'
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: '/blobServices/default/containers/${rawContainer}/'
    }
    eventDeliverySchema: 'EventGridSchema'
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}

@description('The system topic name.')
output systemTopicName string = systemTopic.name

@description('The event subscription name, or empty when it was not deployed.')
output subscriptionName string = deployEventSubscription ? subscription.name : ''
