using System.Collections.Concurrent;

namespace Chatobuy.Inbox.Sandbox.Payments;

/// <summary>
/// The payment emulator's memory: its checkouts (Stripe Checkout Sessions and Yedpay online payments), Stripe's
/// stored answers by <c>Idempotency-Key</c>, and the Yedpay <c>custom_id</c>s already used.
/// </summary>
public sealed class SandboxPayments
{
    private readonly ConcurrentDictionary<string, SandboxCheckout> _checkouts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string BodyHash, int Status, string Json)> _idempotent = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _customIds = new(StringComparer.Ordinal);

    /// <summary>Raised after any checkout is created or moves (the Sandbox page lists them).</summary>
    public event Action? Changed;

    public IReadOnlyList<SandboxCheckout> Recent => _checkouts.Values.OrderByDescending(c => c.Created).Take(25).ToList();

    public SandboxCheckout? Get(string id) => _checkouts.GetValueOrDefault(id);

    public SandboxCheckout? ByCustomId(string customId) =>
        _customIds.TryGetValue(customId, out var id) ? Get(id) : null;

    /// <summary>Adds a Yedpay checkout; false when its <c>custom_id</c> was used before (Yedpay wants them unique).</summary>
    public bool TryAdd(SandboxCheckout checkout)
    {
        if (checkout.CustomId is { } customId && !_customIds.TryAdd(customId, checkout.Id))
        {
            return false;
        }

        _checkouts[checkout.Id] = checkout;
        Changed?.Invoke();
        return true;
    }

    public void Touch() => Changed?.Invoke();

    /// <summary>The answer stored for a Stripe <c>Idempotency-Key</c>, if any.</summary>
    public (string BodyHash, int Status, string Json)? Replay(string key) =>
        _idempotent.TryGetValue(key, out var stored) ? stored : null;

    public void Remember(string key, string bodyHash, int status, string json) => _idempotent.TryAdd(key, (bodyHash, status, json));
}
