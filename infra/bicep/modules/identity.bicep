// The one identity the app uses for storage, telemetry and Key Vault. User-assigned, so its role
// assignments exist before the app starts and survive a redeploy of the app.
param name string
param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
