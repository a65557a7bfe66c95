namespace Chatobuy.Inbox.Features.Payments;

/// <summary>What Test connection found, in plain words with the next step.</summary>
public sealed record PaymentConnectionResult(bool Succeeded, string Message)
{
    public static PaymentConnectionResult Good(string message) => new(true, message);

    public static PaymentConnectionResult Bad(string message) => new(false, message);
}
