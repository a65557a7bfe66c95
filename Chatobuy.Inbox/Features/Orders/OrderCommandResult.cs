namespace Chatobuy.Inbox.Features.Orders;

/// <summary>What came of an order command: the order as it is now, or why not (<see cref="Kind"/> tells the API's answer).</summary>
public sealed record OrderCommandResult(Order? Order, string? Error, OrderRefusal Kind = OrderRefusal.None, IReadOnlyDictionary<string, string[]>? FieldErrors = null)
{
    public bool Succeeded => Error is null;

    public static OrderCommandResult Done(Order order) => new(order, null);

    public static OrderCommandResult NotFound() => new(null, OrderService.NotFoundMessage, OrderRefusal.NotFound);

    public static OrderCommandResult Invalid(string error, IReadOnlyDictionary<string, string[]>? fields = null) => new(null, error, OrderRefusal.Invalid, fields);

    public static OrderCommandResult Refused(string error) => new(null, error, OrderRefusal.Conflict);
}
