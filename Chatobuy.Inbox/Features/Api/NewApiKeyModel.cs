namespace Chatobuy.Inbox.Features.Api;

/// <summary>What an Admin fills in to create an API key.</summary>
public sealed class NewApiKeyModel
{
    public string Name { get; set; } = "";
}
