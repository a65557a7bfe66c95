using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Chatobuy.Inbox.Features.Outbound;

/// <summary>
/// Documents <see cref="SendMessageBody.Interactive"/>: the API reads it as Meta's own JSON, so the document would show
/// an untyped value; it says instead that it is an object and what it holds.
/// </summary>
public sealed class SendMessageBodySchema : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(SendMessageBody) && schema.Properties is { } properties && properties.ContainsKey("interactive"))
        {
            properties["interactive"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object | JsonSchemaType.Null,
                Description = SendMessageBody.InteractiveDescription,
            };
        }

        return Task.CompletedTask;
    }
}
