using System.Globalization;
using System.Security.Claims;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Api;
using Chatobuy.Inbox.Features.Inbox;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Orders;

/// <summary>
/// The orders of the integration API: <c>GET /api/v1/orders</c> (newest first, by status and channel, paged),
/// <c>GET /api/v1/orders/{id}</c>, <c>POST /api/v1/orders</c>, <c>POST /api/v1/orders/{id}/payment-link</c> and
/// <c>POST /api/v1/orders/{id}/status</c>. A move the status machine refuses answers 409 with the reason.
/// </summary>
public static class OrdersApi
{
    public const string Tag = "Orders";

    public static RouteGroupBuilder MapOrdersApi(this RouteGroupBuilder api)
    {
        api.MapGet("/orders", ListAsync).WithTags(Tag);
        api.MapGet("/orders/{id:long}", GetAsync).WithTags(Tag);
        api.MapPost("/orders", CreateAsync).WithTags(Tag);
        api.MapPost("/orders/{id:long}/payment-link", PaymentLinkAsync).WithTags(Tag);
        api.MapPost("/orders/{id:long}/status", StatusAsync).WithTags(Tag);
        return api;
    }

    private static async Task<Results<Ok<PagedDto<OrderDto>>, BadRequest<ApiError>>> ListAsync(
        string? status,
        string? channelId,
        string? page,
        string? pageSize,
        OrderQueries orders,
        CancellationToken cancellationToken)
    {
        var number = 1;
        var size = ConversationsApi.DefaultPageSize;
        if ((!string.IsNullOrEmpty(page) && !int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number)) || number < 1)
        {
            return TypedResults.BadRequest(new ApiError("page must be a whole number of 1 or more."));
        }

        if ((!string.IsNullOrEmpty(pageSize) && !int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size)) || size is < 1 or > ConversationsApi.MaxPageSize)
        {
            return TypedResults.BadRequest(new ApiError($"pageSize must be a whole number from 1 to {ConversationsApi.MaxPageSize}."));
        }

        OrderStatus? wanted = null;
        if (!string.IsNullOrEmpty(status) && (wanted = OrderStatusText.FromApiName(status)) is null)
        {
            return TypedResults.BadRequest(new ApiError($"status must be one of {StatusNames}."));
        }

        var result = await orders.ListAsync(new OrderFilter(wanted, string.IsNullOrEmpty(channelId) ? null : channelId), number, size, cancellationToken);
        return TypedResults.Ok(new PagedDto<OrderDto>(result.Items.Select(OrderDto.From).ToList(), result.PageNumber, result.PageSize, result.Total));
    }

    private static async Task<Results<Ok<OrderDto>, NotFound<ApiError>>> GetAsync(long id, OrderQueries orders, CancellationToken cancellationToken) =>
        await orders.GetAsync(id, cancellationToken) is { } view
            ? TypedResults.Ok(OrderDto.From(view.Order, view.ContactWaId, view.ContactName))
            : TypedResults.NotFound(new ApiError(OrderService.NotFoundMessage));

    private static async Task<Results<Created<OrderDto>, BadRequest<ApiFieldErrors>, BadRequest<ApiError>>> CreateAsync(
        NewOrderBody? body,
        ClaimsPrincipal user,
        OrderService orders,
        IDbContextFactory<InboxDbContext> dbFactory,
        CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return TypedResults.BadRequest(new ApiError("Send a JSON body with \"conversationId\" (or \"channelId\" and \"waId\") and \"items\"."));
        }

        var conversationId = body.ConversationId;
        if (conversationId is null)
        {
            if (string.IsNullOrWhiteSpace(body.ChannelId) || string.IsNullOrWhiteSpace(body.WaId))
            {
                return FieldError("conversationId", "Name the conversation (\"conversationId\"), or the channel (\"channelId\") and the customer's WhatsApp number (\"waId\").");
            }

            var waId = new string(body.WaId.Where(char.IsAsciiDigit).ToArray());
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            conversationId = await db.Conversations.AsNoTracking()
                .Where(c => c.ChannelId == body.ChannelId && c.Contact!.WaId == waId)
                .OrderByDescending(c => c.LastMessageAt)
                .Select(c => (long?)c.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (conversationId is null)
            {
                return FieldError("waId", "There is no conversation with this number on this channel yet; start one first (POST /api/v1/conversations).");
            }
        }

        var items = body.Items ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i]?.UnitPrice is null)
            {
                return FieldError($"items[{i}].unitPrice", "Give each product's unit price in major units (7.99).");
            }
        }

        var request = new NewOrder
        {
            ConversationId = conversationId.Value,
            Currency = body.Currency,
            Note = body.Note,
            Items = items.Select(i => new NewOrderLine
            {
                RetailerId = i!.RetailerId ?? "",
                Name = i.Name,
                Quantity = i.Quantity ?? 1,
                UnitPrice = i.UnitPrice!.Value,
            }).ToList(),
        };
        var result = await orders.CreateAsync(request, Actor(user), cancellationToken);
        if (!result.Succeeded)
        {
            return TypedResults.BadRequest(new ApiFieldErrors(
                result.Error!,
                (result.FieldErrors ?? new Dictionary<string, string[]>()).ToDictionary(e => JsonName(e.Key), e => e.Value)));
        }

        var order = result.Order!;
        return TypedResults.Created($"/api/v1/orders/{order.Id}", OrderDto.From(order));
    }

    private static async Task<Results<Ok<PaymentLinkDto>, NotFound<ApiError>, BadRequest<ApiError>, Conflict<ApiError>, JsonHttpResult<PaymentLinkDto>>> PaymentLinkAsync(
        long id,
        PaymentLinkBody? body,
        HttpRequest request,
        ClaimsPrincipal user,
        PaymentLinkSender sender,
        CancellationToken cancellationToken)
    {
        var baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}";
        var send = body?.Send == true ? new PaymentLinkSend(body.Message) : null;
        var result = await sender.CreateAsync(id, Actor(user), baseUrl, send, cancellationToken);
        if (!result.Succeeded)
        {
            return result.Kind switch
            {
                OrderRefusal.NotFound => TypedResults.NotFound(new ApiError(OrderService.NotFoundMessage)),
                OrderRefusal.Invalid => TypedResults.BadRequest(new ApiError(result.Error!)),
                _ => TypedResults.Conflict(new ApiError(result.Error!)),
            };
        }

        var order = result.Order!;
        var dto = new PaymentLinkDto(order.PaymentLinkUrl!, result.MessageId, OrderDto.From(order));
        return result.SendError is null
            ? TypedResults.Ok(dto)
            : TypedResults.Json(dto, statusCode: StatusCodes.Status502BadGateway);
    }

    private static async Task<Results<Ok<OrderDto>, NotFound<ApiError>, BadRequest<ApiError>, Conflict<ApiError>>> StatusAsync(
        long id,
        OrderStatusBody? body,
        ClaimsPrincipal user,
        OrderService orders,
        OrderQueries queries,
        CancellationToken cancellationToken)
    {
        if (OrderStatusText.FromApiName(body?.Status?.Trim().ToLowerInvariant()) is not { } to)
        {
            return TypedResults.BadRequest(new ApiError("Send {\"status\": \"fulfilled\"}, {\"status\": \"cancelled\"} or, for an order paid outside a payment partner, {\"status\": \"paid\"}."));
        }

        var result = await orders.MoveAsync(id, to, Actor(user), body!.Detail, cancellationToken);
        return result.Kind switch
        {
            OrderRefusal.None => await queries.GetAsync(id, cancellationToken) is { } view
                ? TypedResults.Ok(OrderDto.From(view.Order, view.ContactWaId, view.ContactName))
                : TypedResults.NotFound(new ApiError(OrderService.NotFoundMessage)),
            OrderRefusal.NotFound => TypedResults.NotFound(new ApiError(OrderService.NotFoundMessage)),
            OrderRefusal.Invalid => TypedResults.BadRequest(new ApiError(result.Error!)),
            _ => TypedResults.Conflict(new ApiError(result.Error!)),
        };
    }

    /// <summary>How the order's history names an integration: "API key" and the key's name.</summary>
    private static string Actor(ClaimsPrincipal user) => $"API key {user.Identity?.Name}".Trim();

    private static string StatusNames => string.Join(", ", Enum.GetValues<OrderStatus>().Select(OrderStatusText.ApiName));

    private static BadRequest<ApiFieldErrors> FieldError(string field, string message) =>
        TypedResults.BadRequest(new ApiFieldErrors(message, new Dictionary<string, string[]> { [field] = [message] }));

    /// <summary>"Items[0].UnitPrice" → "items[0].unitPrice", as the JSON body names it.</summary>
    private static string JsonName(string property) =>
        string.Join('.', property.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
