namespace Chatobuy.Inbox.CloudApi.Messages;

/// <summary>Reference §3.4: the interactive types the inbox builds and sends.</summary>
public static class InteractiveTypes
{
    public const string Button = "button";
    public const string List = "list";
    public const string CtaUrl = "cta_url";
    public const string LocationRequest = "location_request_message";
    public const string Product = "product";
    public const string ProductList = "product_list";

    public static readonly IReadOnlyList<string> All = [Button, List, CtaUrl, LocationRequest, Product, ProductList];
}
