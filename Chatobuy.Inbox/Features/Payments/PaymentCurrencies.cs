namespace Chatobuy.Inbox.Features.Payments;

/// <summary>The currencies a channel can choose as its default (ISO 4217), with their names.</summary>
public static class PaymentCurrencies
{
    public static readonly IReadOnlyList<(string Code, string Name)> All =
    [
        ("HKD", "Hong Kong dollar"),
        ("USD", "US dollar"),
        ("INR", "Indian rupee"),
        ("EUR", "Euro"),
        ("GBP", "Pound sterling"),
        ("BRL", "Brazilian real"),
        ("SGD", "Singapore dollar"),
        ("MOP", "Macanese pataca"),
        ("AUD", "Australian dollar"),
        ("CAD", "Canadian dollar"),
        ("JPY", "Japanese yen"),
        ("MXN", "Mexican peso"),
        ("IDR", "Indonesian rupiah"),
        ("ZAR", "South African rand"),
    ];

    public static bool IsKnown(string? code) => All.Any(c => c.Code == code);
}
