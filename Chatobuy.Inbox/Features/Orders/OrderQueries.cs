using System.Globalization;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Inbox;
using Chatobuy.Inbox.Features.Payments;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Features.Orders;

/// <summary>Orders as the Orders page, the chat and the API read them: lists with filters, a conversation's, one in full.</summary>
public sealed class OrderQueries(IDbContextFactory<InboxDbContext> dbFactory, TimeProvider time)
{
    /// <summary>A page of orders, newest first.</summary>
    public async Task<Page<OrderRow>> ListAsync(OrderFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = Rows(db);
        if (filter.Status is { } status)
        {
            query = query.Where(r => r.Order.Status == status);
        }

        if (!string.IsNullOrEmpty(filter.ChannelId))
        {
            query = query.Where(r => r.Order.ChannelId == filter.ChannelId);
        }

        var zone = time.LocalTimeZone;
        if (filter.From is { } from)
        {
            var start = Start(from, zone);
            query = query.Where(r => r.Order.CreatedAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = Start(to.AddDays(1), zone);
            query = query.Where(r => r.Order.CreatedAt < end);
        }

        if (filter.Search?.Trim() is { Length: > 0 } search)
        {
            var digits = new string(search.Where(char.IsAsciiDigit).ToArray());
            var id = long.TryParse(search.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number - Order.NumberOffset : (long?)null;
            var pattern = $"%{search.Replace("%", "", StringComparison.Ordinal)}%";
            query = query.Where(r => r.Order.Id == id
                || (r.Contact.ProfileName != null && EF.Functions.Like(r.Contact.ProfileName, pattern))
                || (digits.Length >= 3 && r.Contact.WaId.Contains(digits)));
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderByDescending(r => r.Order.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(r => new { r.Order, r.Order.Items, r.Contact.WaId, r.Contact.ProfileName, r.ChannelTitle })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return new Page<OrderRow>(rows.Select(r => Row(r.Order, r.Items, r.WaId, r.ProfileName, r.ChannelTitle)).ToList(), page, pageSize, total);
    }

    /// <summary>The orders of the conversation's customer on its channel, newest first (the chat's order panel).</summary>
    public async Task<IReadOnlyList<OrderRow>> ForConversationAsync(long conversationId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var conversation = await db.Conversations.AsNoTracking()
            .Where(c => c.Id == conversationId)
            .Select(c => new { c.ChannelId, c.ContactId })
            .FirstOrDefaultAsync(cancellationToken);
        if (conversation is null)
        {
            return [];
        }

        var rows = await Rows(db)
            .Where(r => r.Order.ContactId == conversation.ContactId && r.Order.ChannelId == conversation.ChannelId)
            .OrderByDescending(r => r.Order.Id)
            .Take(50)
            .Select(r => new { r.Order, r.Order.Items, r.Contact.WaId, r.Contact.ProfileName, r.ChannelTitle })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return rows.Select(r => Row(r.Order, r.Items, r.WaId, r.ProfileName, r.ChannelTitle)).ToList();
    }

    /// <summary>The contact's orders on every channel, newest first (the contact panel).</summary>
    public async Task<IReadOnlyList<OrderRow>> ForContactAsync(long contactId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await Rows(db)
            .Where(r => r.Order.ContactId == contactId)
            .OrderByDescending(r => r.Order.Id)
            .Take(50)
            .Select(r => new { r.Order, r.Order.Items, r.Contact.WaId, r.Contact.ProfileName, r.ChannelTitle })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return rows.Select(r => Row(r.Order, r.Items, r.WaId, r.ProfileName, r.ChannelTitle)).ToList();
    }

    /// <summary>The order with its items, history, customer and channel; null when there is none.</summary>
    public async Task<OrderView?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var order = await db.Orders.AsNoTracking().Include(o => o.Items).Include(o => o.Changes)
            .FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (order is null)
        {
            return null;
        }

        order.Items = [.. order.Items.OrderBy(i => i.Id)];
        order.Changes = [.. order.Changes.OrderBy(c => c.At).ThenBy(c => c.Id)];
        var contact = await db.Contacts.AsNoTracking().Where(c => c.Id == order.ContactId)
            .Select(c => new { c.WaId, c.ProfileName }).FirstOrDefaultAsync(cancellationToken);
        var channel = await db.Channels.AsNoTracking().Where(c => c.Id == order.ChannelId).Select(c => c.Title).FirstOrDefaultAsync(cancellationToken);
        var partner = await PartnerOfAsync(db, order.ChannelId, cancellationToken);
        return new OrderView(order, contact?.WaId ?? "", contact?.ProfileName, channel ?? order.ChannelId)
        {
            PaidByHand = OrderService.PaidByHand(order, partner),
        };
    }

    /// <summary>The channel's payment partner (<see cref="PaymentPartnerKind.None"/> when nothing is set up).</summary>
    public async Task<PaymentPartnerKind> PartnerOfChannelAsync(string channelId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await PartnerOfAsync(db, channelId, cancellationToken);
    }

    /// <summary>
    /// The order Generate Payment Link starts from: the conversation's latest order still waiting for payment (a cart
    /// the customer sent, or one made earlier), with its items; null when there is none.
    /// </summary>
    public async Task<Order?> StartingPointAsync(long conversationId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var order = await db.Orders.AsNoTracking().Include(o => o.Items)
            .Where(o => o.ConversationId == conversationId)
            .OrderByDescending(o => o.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return order is { Status: OrderStatus.PendingPayment or OrderStatus.Failed or OrderStatus.Expired } ? order : null;
    }

    /// <summary>The conversation's channel, that channel's payment partner and the window; null when the conversation does not exist.</summary>
    public async Task<PaymentSetup?> PaymentSetupAsync(long conversationId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var conversation = await db.Conversations.AsNoTracking().Where(c => c.Id == conversationId)
            .Select(c => new { c.ChannelId, c.LastInboundAt }).FirstOrDefaultAsync(cancellationToken);
        return conversation is null
            ? null
            : new PaymentSetup(conversation.ChannelId, await PartnerOfAsync(db, conversation.ChannelId, cancellationToken), conversation.LastInboundAt);
    }

    /// <summary>The channels orders can be filtered by, by title.</summary>
    public async Task<IReadOnlyList<OrderChannel>> ChannelsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Channels.AsNoTracking().OrderBy(c => c.Title).Select(c => new OrderChannel(c.Id, c.Title)).ToListAsync(cancellationToken);
    }

    internal static async Task<PaymentPartnerKind> PartnerOfAsync(InboxDbContext db, string channelId, CancellationToken cancellationToken) =>
        await db.PaymentSettings.AsNoTracking().Where(s => s.ChannelId == channelId).Select(s => (PaymentPartnerKind?)s.Partner).FirstOrDefaultAsync(cancellationToken)
            ?? PaymentPartnerKind.None;

    private static IQueryable<Joined> Rows(InboxDbContext db) =>
        from order in db.Orders
        join contact in db.Contacts on order.ContactId equals contact.Id
        join channel in db.Channels on order.ChannelId equals channel.Id into channels
        from channel in channels.DefaultIfEmpty()
        select new Joined { Order = order, Contact = contact, ChannelTitle = channel == null ? order.ChannelId : channel.Title };

    private static OrderRow Row(Order order, List<OrderItem> items, string waId, string? name, string channelTitle)
    {
        order.Items = items;
        return new OrderRow(order.Id, order.Number, order.ChannelId, channelTitle, order.ContactId, waId, name, order.ConversationId, order.SourceMessageId,
            items.Sum(i => i.Quantity), order.Total, order.Currency, order.TotalText, order.Status, order.CreatedAt, order.UpdatedAt);
    }

    private static DateTimeOffset Start(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private sealed class Joined
    {
        public required Order Order { get; init; }

        public required Chatobuy.Inbox.Features.Conversations.Contact Contact { get; init; }

        public required string ChannelTitle { get; init; }
    }
}
