namespace Chatobuy.Inbox.Sandbox.Payments;

/// <summary>One line of an emulated checkout: name, quantity and unit price in the currency's minor units (Stripe) or major units × 100 (Yedpay's single line).</summary>
public sealed record SandboxCheckoutLine(string Name, long Quantity, long UnitAmount);
