using Chatobuy.Inbox.Features.Orders;
using Chatobuy.Inbox.Features.Payments;

namespace Chatobuy.Inbox.Tests.Features.Orders;

/// <summary>An order's total, its status machine (every move allowed or refused, with the reason people read) and its API names.</summary>
public sealed class OrderTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The moves the machine allows; every other pair is refused.</summary>
    private static readonly HashSet<(OrderStatus From, OrderStatus To)> Allowed =
    [
        (OrderStatus.PendingPayment, OrderStatus.Paid),
        (OrderStatus.PendingPayment, OrderStatus.Failed),
        (OrderStatus.PendingPayment, OrderStatus.Expired),
        (OrderStatus.PendingPayment, OrderStatus.Cancelled),
        (OrderStatus.Failed, OrderStatus.PendingPayment),
        (OrderStatus.Failed, OrderStatus.Paid),
        (OrderStatus.Failed, OrderStatus.Cancelled),
        (OrderStatus.Expired, OrderStatus.PendingPayment),
        (OrderStatus.Expired, OrderStatus.Cancelled),
        (OrderStatus.Paid, OrderStatus.Fulfilled),
    ];

    public static TheoryData<OrderStatus, OrderStatus> EveryMove
    {
        get
        {
            var data = new TheoryData<OrderStatus, OrderStatus>();
            foreach (var from in Enum.GetValues<OrderStatus>())
            {
                foreach (var to in Enum.GetValues<OrderStatus>())
                {
                    data.Add(from, to);
                }
            }

            return data;
        }
    }

    [Fact]
    public void Total_SumsQuantityTimesUnitPrice_InDecimal()
    {
        var order = Order("HKD", (2, 120.5m), (1, 399m), (3, 0.1m));

        order.Total.ShouldBe(640.3m);
        order.TotalText.ShouldBe("HKD 640.30");
    }

    [Fact]
    public void TotalText_ThousandsAndZeroDecimalCurrencies()
    {
        Order("USD", (1, 1234.5m)).TotalText.ShouldBe("USD 1,234.50");
        Order("JPY", (2, 1500m)).TotalText.ShouldBe("JPY 3,000");
        Order("EUR").TotalText.ShouldBe("EUR 0.00");
    }

    [Theory]
    [MemberData(nameof(EveryMove))]
    public void MoveTo_EveryPair_OnlyTheAllowedMovesChangeAndAreRecorded(OrderStatus from, OrderStatus to)
    {
        var order = Order("USD", (1, 10m));
        order.Open("Customer", At);
        order.Status = from;

        var moved = order.MoveTo(to, "Ada", At.AddMinutes(1), "why");

        var allowed = Allowed.Contains((from, to));
        moved.ShouldBe(allowed);
        Chatobuy.Inbox.Features.Orders.Order.CanMove(from, to).ShouldBe(allowed);
        order.Status.ShouldBe(allowed ? to : from);
        order.Changes.Count.ShouldBe(allowed ? 2 : 1);
        (OrderService.WhyNot(WithStatus(from), to) is null).ShouldBe(allowed);
        if (allowed)
        {
            var change = order.Changes[^1];
            (change.From, change.To, change.Actor, change.Detail, change.At).ShouldBe((from, to, "Ada", "why", At.AddMinutes(1)));
            order.UpdatedAt.ShouldBe(At.AddMinutes(1));
        }
    }

    [Fact]
    public void Open_RecordsTheCreationPendingPayment()
    {
        var order = Order("USD", (1, 10m));

        order.Open("Customer", At, "Cart sent on WhatsApp");

        order.Status.ShouldBe(OrderStatus.PendingPayment);
        var change = order.Changes.ShouldHaveSingleItem();
        (change.From, change.To, change.Actor).ShouldBe(((OrderStatus?)null, OrderStatus.PendingPayment, "Customer"));
        order.CreatedAt.ShouldBe(At);
    }

    [Theory]
    [InlineData(OrderStatus.PendingPayment, OrderStatus.Fulfilled, "Order 1001 is pending payment: only a paid order can be marked fulfilled.")]
    [InlineData(OrderStatus.Paid, OrderStatus.Cancelled, "Order 1001 is paid: a paid order cannot be cancelled here; refund it with the payment partner first.")]
    [InlineData(OrderStatus.Paid, OrderStatus.Paid, "Order 1001 is already paid.")]
    [InlineData(OrderStatus.Cancelled, OrderStatus.Paid, "Order 1001 is cancelled: nothing more can happen to it.")]
    [InlineData(OrderStatus.Fulfilled, OrderStatus.Cancelled, "Order 1001 is fulfilled: nothing more can happen to it.")]
    [InlineData(OrderStatus.Expired, OrderStatus.Paid, "Order 1001's payment link expired: send a new payment link first.")]
    public void WhyNot_RefusedMoves_SayWhyInPlainWords(OrderStatus from, OrderStatus to, string reason) =>
        OrderService.WhyNot(WithStatus(from), to).ShouldBe(reason);

    [Theory]
    [InlineData(OrderStatus.PendingPayment, "pending_payment", "Pending payment")]
    [InlineData(OrderStatus.Paid, "paid", "Paid")]
    [InlineData(OrderStatus.Failed, "failed", "Payment failed")]
    [InlineData(OrderStatus.Expired, "expired", "Expired")]
    [InlineData(OrderStatus.Cancelled, "cancelled", "Cancelled")]
    [InlineData(OrderStatus.Fulfilled, "fulfilled", "Fulfilled")]
    public void ApiNames_RoundTripAndReadForPeople(OrderStatus status, string apiName, string text)
    {
        OrderStatusText.ApiName(status).ShouldBe(apiName);
        OrderStatusText.FromApiName(apiName).ShouldBe(status);
        OrderStatusText.Of(status).ShouldBe(text);
    }

    [Theory]
    [InlineData("shipped")]
    [InlineData("Paid")]
    [InlineData("")]
    [InlineData(null)]
    public void FromApiName_UnknownName_Null(string? name) => OrderStatusText.FromApiName(name).ShouldBeNull();

    [Fact]
    public void Number_IsTheIdPlusOneThousand() => new Order { Id = 1 }.Number.ShouldBe("1001");

    [Theory]
    [InlineData(null, PaymentPartnerKind.None, true)]
    [InlineData(null, PaymentPartnerKind.CustomLink, true)]
    [InlineData(null, PaymentPartnerKind.Stripe, false)]
    [InlineData("CustomLink", PaymentPartnerKind.Stripe, true)]
    [InlineData("Stripe", PaymentPartnerKind.CustomLink, false)]
    [InlineData("Yedpay", PaymentPartnerKind.Yedpay, false)]
    public void PaidByHand_OnlyWhenNoPartnerReportsThePayment(string? orderPartner, PaymentPartnerKind channelPartner, bool byHand) =>
        OrderService.PaidByHand(new Order { PaymentPartner = orderPartner }, channelPartner).ShouldBe(byHand);

    private static Order WithStatus(OrderStatus status) => new() { Id = 1, Status = status, Currency = "USD" };

    private static Order Order(string currency, params (int Quantity, decimal UnitPrice)[] items) => new()
    {
        Id = 1,
        Currency = currency,
        Items = items.Select((item, i) => new OrderItem { RetailerId = $"SKU-{i}", Name = $"Product {i}", Quantity = item.Quantity, UnitPrice = item.UnitPrice, Currency = currency }).ToList(),
    };
}
