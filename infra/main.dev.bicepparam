using 'main.bicep'

param workloadName = 'pipeline'
param environmentName = 'dev'
param maximumInstanceCount = 40
param instanceMemoryMB = 2048
param logRetentionInDays = 30
// Second deployment, after `az functionapp deployment source config-zip`: --parameters deployEventSubscription=true
param deployEventSubscription = false
param tags = {
  costCenter: 'pipeline-dev'
}
