namespace Chatobuy.Inbox.Sandbox.Customer;

/// <summary>The outcome of a simulated customer action: the wamid, or why it was refused.</summary>
public sealed record SandboxCustomerResult(string? Id, string? Error)
{
    public bool Succeeded => Error is null;
}
