// Amazon Connect Customer Profiles integrations (PutIntegration) as a Pulumi resource, with preview-time validation against the API model.
package customerprofilesintegration
