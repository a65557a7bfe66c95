namespace Chatobuy.Inbox.CloudApi.Messages;

/// <summary>Reference §3.4: one product of a multi-product message, by its retailer id in the catalog.</summary>
public sealed record InteractiveProductItem(string ProductRetailerId);
