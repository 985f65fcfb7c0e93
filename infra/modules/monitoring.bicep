// Logs and telemetry: a Log Analytics workspace and a workspace-based Application Insights component with local
// (instrumentation key) authentication off: only Entra ID identities with Monitoring Metrics Publisher can send.

@description('Base of the resource names.')
param baseName string

@description('Application Insights component name.')
param appInsightsName string

@description('Region of the resources.')
param location string

@description('Tags for every resource.')
param tags object

@description('Days Log Analytics keeps data.')
@minValue(30)
@maxValue(730)
param retentionInDays int

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${baseName}'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    DisableLocalAuth: true
  }
}

@description('Application Insights component name.')
output appInsightsName string = appInsights.name

@description('Application Insights connection string (an ingestion address and key; with local auth off the key alone cannot send).')
output appInsightsConnectionString string = appInsights.properties.ConnectionString

@description('Log Analytics workspace id.')
output workspaceId string = workspace.id
