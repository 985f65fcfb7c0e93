// Least privilege for the app's identity: on the one storage account, blobs (Owner, which the Flex Consumption
// deployment and the blob trigger's receipts need), queues and tables (data contributor); on Application Insights,
// Monitoring Metrics Publisher (local auth is off, so telemetry is sent with Entra ID). Optionally the same data
// roles for the deploying user, so `pipeline status` and `pipeline drop` work against the account after `az login`.

@description('Storage account the data roles apply to.')
param storageAccountName string

@description('Application Insights component the app publishes telemetry to.')
param appInsightsName string

@description('Name of the app\'s user-assigned identity (known before deployment, so it names the assignments).')
param appIdentityName string

@description('Principal id of the app\'s user-assigned identity.')
param appPrincipalId string

@description('Principal id of a user to give the storage data roles too (the deployer); empty for none.')
param userPrincipalId string

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

// Built-in role definition ids (the same in every tenant).
var storageRoles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource appStorageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in items(storageRoles): {
    name: guid(storage.id, appIdentityName, role.value)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.value)
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource appTelemetryRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, appIdentityName, monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource userStorageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in items(storageRoles): if (!empty(userPrincipalId)) {
    name: guid(storage.id, userPrincipalId, role.value)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.value)
      principalId: userPrincipalId
    }
  }
]
