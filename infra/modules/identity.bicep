// The app's user-assigned managed identity. It exists before the app, so its roles are granted before the app
// first starts (a system-assigned identity only exists with the app, and its first starts fail until roles apply).

@description('Identity name.')
param name string

@description('Region of the identity.')
param location string

@description('Tags for every resource.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

@description('The identity resource id.')
output id string = identity.id

@description('The identity\'s client id (AzureWebJobsStorage__clientId, APPLICATIONINSIGHTS_AUTHENTICATION_STRING).')
output clientId string = identity.properties.clientId

@description('The identity\'s principal id (role assignments).')
output principalId string = identity.properties.principalId
