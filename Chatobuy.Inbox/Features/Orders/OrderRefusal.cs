namespace Chatobuy.Inbox.Features.Orders;

/// <summary>Why an order command did nothing: the order is unknown (404), the input is wrong (400), or the order's state refuses it (409).</summary>
public enum OrderRefusal
{
    None,
    NotFound,
    Invalid,
    Conflict,
}
