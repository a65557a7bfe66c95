using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Chatobuy.Inbox.Data;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Sandbox.State;

/// <summary>
/// What the emulated Meta knows: one business, its WABAs and phone numbers (seeded from the options, the same on
/// every start), and the setup the inbox made through the Graph API (subscriptions, webhook overrides), which is kept
/// in <c>sandbox.json</c> in the data folder so it survives a restart. Thread-safe.
/// </summary>
public sealed class SandboxState
{
    public const string FileName = "sandbox.json";
    private const int MaxRecordedCalls = 200;

    private readonly Lock _gate = new();
    private readonly string _filePath;
    private readonly TimeProvider _time;
    private readonly ILogger<SandboxState> _logger;
    private readonly Dictionary<string, SandboxSubscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SandboxWebhookOverride> _phoneOverrides = new(StringComparer.Ordinal);
    private readonly List<SandboxCallRecord> _calls = [];
    private SandboxDeliverySettings _delivery;
    private readonly IReadOnlyList<SandboxPhoneNumber> _seededNumbers;
    private readonly Dictionary<string, SandboxNumberHealth> _numberHealth = new(StringComparer.Ordinal);
    private readonly string _configuredToken;
    private readonly List<string> _expiredTokens = [];
    private string? _issuedToken;
    private bool _webhooksStopped;

    public SandboxState(IOptions<SandboxOptions> options, DataPaths paths, TimeProvider time, ILogger<SandboxState> logger)
    {
        _time = time;
        _logger = logger;
        _filePath = Path.Combine(paths.DataDirectory, FileName);

        var o = options.Value;
        BusinessId = o.BusinessId;
        BusinessName = o.BusinessName;
        AppId = o.AppId;
        AppName = o.AppName;
        SystemUserId = DeriveId(o.BusinessId, "system-user");
        SystemUserName = $"{o.BusinessName} System User";

        var store = new SandboxWaba(DeriveId(o.BusinessId, "waba-1"), "Chatobuy Sandbox Store", "USD", "1", DeriveNamespace(o.BusinessId, "waba-1"), SandboxOwnership.Owned);
        var support = new SandboxWaba(DeriveId(o.BusinessId, "waba-2"), "Chatobuy Sandbox Support", "EUR", "69", DeriveNamespace(o.BusinessId, "waba-2"), SandboxOwnership.Client);
        Wabas = [store, support];
        _configuredToken = o.AccessToken;
        _seededNumbers =
        [
            new(DeriveId(o.BusinessId, "phone-1"), store.Id, "+1 555-0100", "Chatobuy Sandbox Store", "GREEN", "VERIFIED", "APPROVED", "CONNECTED", "CLOUD_API", "STANDARD"),
            new(DeriveId(o.BusinessId, "phone-2"), store.Id, "+1 555-0101", "Chatobuy Sandbox Outlet", "YELLOW", "NOT_VERIFIED", "AVAILABLE_WITHOUT_REVIEW", "CONNECTED", "CLOUD_API", "STANDARD"),
            new(DeriveId(o.BusinessId, "phone-3"), support.Id, "+1 555-0102", "Chatobuy Sandbox Support", "UNKNOWN", "VERIFIED", "APPROVED", "CONNECTED", "CLOUD_API", "STANDARD"),
        ];

        _delivery = new SandboxDeliverySettings(
            string.IsNullOrWhiteSpace(o.AppCallbackUrl) ? null : o.AppCallbackUrl.Trim(),
            o.Webhooks.BatchSize,
            o.Webhooks.DuplicateDelivery,
            o.Webhooks.OutOfOrder);

        Load();
    }

    /// <summary>Raised after any change to the mutable part (on the thread that made it).</summary>
    public event Action? Changed;

    public string BusinessId { get; }

    public string BusinessName { get; }

    public string AppId { get; }

    public string AppName { get; }

    public string SystemUserId { get; }

    public string SystemUserName { get; }

    /// <summary>All WABAs, oldest first.</summary>
    public IReadOnlyList<SandboxWaba> Wabas { get; }

    /// <summary>The seeded numbers as they are now (the switches change status, quality, limit and throughput).</summary>
    public IReadOnlyList<SandboxPhoneNumber> PhoneNumbers
    {
        get
        {
            lock (_gate)
            {
                return _seededNumbers.Select(p => _numberHealth.TryGetValue(p.Id, out var health) ? health.Apply(p) : p).ToList();
            }
        }
    }

    /// <summary>The System User token Meta accepts now: the configured one until it is expired, then the newest issued.</summary>
    public string CurrentAccessToken
    {
        get
        {
            lock (_gate)
            {
                return _issuedToken ?? _configuredToken;
            }
        }
    }

    /// <summary>A token that was valid once and has been expired with the switch (Meta answers 190/463 for it).</summary>
    public bool IsExpiredToken(string token)
    {
        lock (_gate)
        {
            return _expiredTokens.Any(t => Graph.SandboxGraphEndpoints.SameText(t, token));
        }
    }

    /// <summary>Whether the emulated Meta has stopped sending webhooks (the switch); they are dropped, not queued.</summary>
    public bool WebhooksStopped
    {
        get
        {
            lock (_gate)
            {
                return _webhooksStopped;
            }
        }
    }

    /// <summary>Expires the current token (every call with it then answers 190/463) and issues a new one, returned.</summary>
    public string ExpireToken()
    {
        var issued = "EAASandbox" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        Mutate(() =>
        {
            _expiredTokens.Add(_issuedToken ?? _configuredToken);
            _issuedToken = issued;
        });
        return issued;
    }

    /// <summary>Changes what Meta reports of a number (status, quality rating, messaging limit tier, throughput level).</summary>
    public SandboxPhoneNumber? ChangeNumber(string phoneNumberId, Func<SandboxNumberHealth, SandboxNumberHealth> change)
    {
        if (_seededNumbers.All(p => p.Id != phoneNumberId))
        {
            return null;
        }

        Mutate(() => _numberHealth[phoneNumberId] = change(_numberHealth.GetValueOrDefault(phoneNumberId) ?? new SandboxNumberHealth(null, null, null, null)));
        return FindPhoneNumber(phoneNumberId);
    }

    public void StopWebhooks(bool stopped) => Mutate(() => _webhooksStopped = stopped);

    /// <summary>Undoes every switch: the configured token is valid again, the numbers are as seeded, webhooks flow.</summary>
    public void ResetSwitches() => Mutate(() =>
    {
        _expiredTokens.Clear();
        _issuedToken = null;
        _numberHealth.Clear();
        _webhooksStopped = false;
    });

    public IReadOnlyList<SandboxWaba> WabasOf(SandboxOwnership ownership) => Wabas.Where(w => w.Ownership == ownership).ToList();

    public SandboxWaba? FindWaba(string id) => Wabas.FirstOrDefault(w => w.Id == id);

    public SandboxPhoneNumber? FindPhoneNumber(string id) => PhoneNumbers.FirstOrDefault(p => p.Id == id);

    public IReadOnlyList<SandboxPhoneNumber> PhoneNumbersOf(string wabaId) => PhoneNumbers.Where(p => p.WabaId == wabaId).ToList();

    public SandboxSubscription? GetSubscription(string wabaId)
    {
        lock (_gate)
        {
            return _subscriptions.GetValueOrDefault(wabaId);
        }
    }

    public SandboxWebhookOverride? GetPhoneWebhookOverride(string phoneNumberId)
    {
        lock (_gate)
        {
            return _phoneOverrides.GetValueOrDefault(phoneNumberId);
        }
    }

    /// <summary>Where this number's webhooks go instead of the app callback: its own override, else its WABA's; null for none.</summary>
    public SandboxWebhookOverride? EffectiveWebhookOverride(string phoneNumberId)
    {
        var phone = FindPhoneNumber(phoneNumberId);
        if (phone is null)
        {
            return null;
        }

        lock (_gate)
        {
            return _phoneOverrides.GetValueOrDefault(phone.Id) ?? _subscriptions.GetValueOrDefault(phone.WabaId)?.Override;
        }
    }

    /// <summary>The app-level callback URL and the delivery switches (from the options, then as changed on the Sandbox page).</summary>
    public SandboxDeliverySettings DeliverySettings
    {
        get
        {
            lock (_gate)
            {
                return _delivery;
            }
        }
    }

    public void UpdateDeliverySettings(SandboxDeliverySettings settings) => Mutate(() => _delivery = settings);

    /// <summary>
    /// Where Meta would send this number's webhooks: the number's override, else its WABA's, else the app callback URL —
    /// but only while the app is subscribed to the number's WABA. Null when nothing would be sent.
    /// </summary>
    public string? CallbackUrlFor(string phoneNumberId)
    {
        if (FindPhoneNumber(phoneNumberId) is not { } phone)
        {
            return null;
        }

        lock (_gate)
        {
            if (!_subscriptions.TryGetValue(phone.WabaId, out var subscription))
            {
                return null;
            }

            return _phoneOverrides.GetValueOrDefault(phone.Id)?.CallbackUri ?? subscription.Override?.CallbackUri ?? _delivery.AppCallbackUrl;
        }
    }

    /// <summary>
    /// Where Meta would send an account-level change (template status, quality, category) of <paramref name="wabaId"/>:
    /// the WABA's override, else the app callback URL, while the app is subscribed. Channels connected here usually
    /// set only a number override, so the Sandbox then falls back to the first number override on the account; Meta
    /// itself would need the app callback URL set in the App Dashboard.
    /// </summary>
    public string? AccountCallbackUrlFor(string wabaId)
    {
        lock (_gate)
        {
            if (!_subscriptions.TryGetValue(wabaId, out var subscription))
            {
                return null;
            }

            return subscription.Override?.CallbackUri
                ?? _delivery.AppCallbackUrl
                ?? _seededNumbers.Where(p => p.WabaId == wabaId).Select(p => _phoneOverrides.GetValueOrDefault(p.Id)?.CallbackUri).FirstOrDefault(u => u is not null);
        }
    }

    /// <summary>The recorded setup calls, oldest first.</summary>
    public IReadOnlyList<SandboxCallRecord> Calls
    {
        get
        {
            lock (_gate)
            {
                return _calls.ToList();
            }
        }
    }

    /// <summary>Subscribes the app to a WABA; a subscription without an override removes an earlier one (as Meta does).</summary>
    public void Subscribe(string wabaId, SandboxWebhookOverride? callbackOverride)
    {
        Mutate(() =>
        {
            var now = _time.GetUtcNow();
            _subscriptions[wabaId] = new SandboxSubscription(now, callbackOverride);
            _calls.Add(new SandboxCallRecord(now, SandboxCallKind.Subscribe, wabaId, callbackOverride?.CallbackUri));
        });
    }

    public void Unsubscribe(string wabaId)
    {
        Mutate(() =>
        {
            _subscriptions.Remove(wabaId);
            _calls.Add(new SandboxCallRecord(_time.GetUtcNow(), SandboxCallKind.Unsubscribe, wabaId, null));
        });
    }

    /// <summary>Sets the phone number's webhook override, or clears it when <paramref name="callbackOverride"/> is null.</summary>
    public void SetPhoneWebhookOverride(string phoneNumberId, SandboxWebhookOverride? callbackOverride)
    {
        Mutate(() =>
        {
            var now = _time.GetUtcNow();
            if (callbackOverride is null)
            {
                _phoneOverrides.Remove(phoneNumberId);
                _calls.Add(new SandboxCallRecord(now, SandboxCallKind.PhoneWebhookCleared, phoneNumberId, null));
            }
            else
            {
                _phoneOverrides[phoneNumberId] = callbackOverride;
                _calls.Add(new SandboxCallRecord(now, SandboxCallKind.PhoneWebhookSet, phoneNumberId, callbackOverride.CallbackUri));
            }
        });
    }

    private void Mutate(Action change)
    {
        lock (_gate)
        {
            change();
            if (_calls.Count > MaxRecordedCalls)
            {
                _calls.RemoveRange(0, _calls.Count - MaxRecordedCalls);
            }

            Save();
        }

        Changed?.Invoke();
    }

    private void Load()
    {
        if (!File.Exists(_filePath))
        {
            return;
        }

        try
        {
            var saved = JsonSerializer.Deserialize<SavedState>(File.ReadAllText(_filePath), SandboxJson.Options);
            if (saved is null)
            {
                return;
            }

            foreach (var (wabaId, subscription) in saved.Subscriptions ?? [])
            {
                if (FindWaba(wabaId) is not null)
                {
                    _subscriptions[wabaId] = subscription;
                }
            }

            foreach (var (phoneId, callbackOverride) in saved.PhoneOverrides ?? [])
            {
                if (FindPhoneNumber(phoneId) is not null)
                {
                    _phoneOverrides[phoneId] = callbackOverride;
                }
            }

            _calls.AddRange(saved.Calls ?? []);
            foreach (var (phoneId, health) in saved.NumberHealth ?? [])
            {
                if (_seededNumbers.Any(p => p.Id == phoneId))
                {
                    _numberHealth[phoneId] = health;
                }
            }

            _expiredTokens.AddRange(saved.ExpiredTokens ?? []);
            _issuedToken = saved.IssuedToken;
            _webhooksStopped = saved.WebhooksStopped ?? false;
            if (saved.Delivery is { } delivery)
            {
                _delivery = delivery;
            }
        }
        catch (Exception exception) when (exception is JsonException or IOException or NotSupportedException)
        {
            _logger.LogWarning(exception, "The Sandbox state file {Path} could not be read; starting from the seeded state", _filePath);
        }
    }

    private void Save()
    {
        var saved = new SavedState(_subscriptions, _phoneOverrides, _calls, _delivery, _numberHealth, _expiredTokens, _issuedToken, _webhooksStopped);
        var temporary = _filePath + ".tmp";
        Directory.CreateDirectory(Path.GetDirectoryName(_filePath)!);
        File.WriteAllText(temporary, JsonSerializer.Serialize(saved, SandboxJson.Options));
        File.Move(temporary, _filePath, overwrite: true);
    }

    /// <summary>A stable 15-digit numeric id, like Meta's, from the business id and a role name.</summary>
    private static string DeriveId(string businessId, string role)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{businessId}:{role}"));
        var value = BitConverter.ToUInt64(hash, 0) % 900_000_000_000_000UL;
        return (100_000_000_000_000UL + value).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string DeriveNamespace(string businessId, string role)
    {
        var hex = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{businessId}:{role}:namespace")));
        return $"{hex[..8]}_{hex[8..16]}_{hex[16..20]}";
    }

    private sealed record SavedState(
        Dictionary<string, SandboxSubscription>? Subscriptions,
        Dictionary<string, SandboxWebhookOverride>? PhoneOverrides,
        List<SandboxCallRecord>? Calls,
        SandboxDeliverySettings? Delivery,
        Dictionary<string, SandboxNumberHealth>? NumberHealth = null,
        List<string>? ExpiredTokens = null,
        string? IssuedToken = null,
        bool? WebhooksStopped = null);
}
