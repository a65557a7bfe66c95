using System.Text.Json;
using Chatobuy.Inbox.Data;

namespace Chatobuy.Inbox.Sandbox.State;

/// <summary>
/// The business's catalogs and what the inbox set up with them (commerce reference §1–2): the seeded
/// <see cref="SandboxCatalog"/> (linked to every account at first, so product messages work out of the box) and the
/// unlinked <see cref="SandboxOutletCatalog"/>; at most one catalog linked per account; each phone number's commerce
/// settings; products removed from a catalog (emulator-only, to show a catalog changing at Meta). Kept in
/// <c>sandbox-catalogs.json</c> so it survives a restart. Thread-safe.
/// </summary>
public sealed class SandboxCatalogs
{
    public const string FileName = "sandbox-catalogs.json";

    /// <summary>A catalog of another business: it exists, but this business's system user has no task on it.</summary>
    public const string ForeignCatalogId = "771000000000099";

    private static readonly IReadOnlyList<SandboxCatalogInfo> Seeded =
    [
        new(SandboxCatalog.CatalogId, SandboxCatalog.Name, SandboxCatalog.Vertical, SandboxCatalog.Products),
        new(SandboxOutletCatalog.CatalogId, SandboxOutletCatalog.Name, SandboxCatalog.Vertical, SandboxOutletCatalog.Products),
    ];

    private readonly Lock _gate = new();
    private readonly SandboxState _state;
    private readonly string _filePath;
    private readonly ILogger<SandboxCatalogs> _logger;

    /// <summary>The catalog linked to each account; an account with no entry has none.</summary>
    private readonly Dictionary<string, string> _links = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SandboxCommerceSettings> _settings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _removed = new(StringComparer.Ordinal);

    public SandboxCatalogs(SandboxState state, DataPaths paths, ILogger<SandboxCatalogs> logger)
    {
        _state = state;
        _logger = logger;
        _filePath = Path.Combine(paths.DataDirectory, FileName);
        foreach (var waba in state.Wabas)
        {
            _links[waba.Id] = SandboxCatalog.CatalogId;
        }

        Load();
    }

    /// <summary>Raised after a link, a commerce setting or a catalog's products changed (on the thread that changed it).</summary>
    public event Action? Changed;

    /// <summary>The seeded shop as it starts out: what a view without the Sandbox's state (a bare test host) orders from.</summary>
    public static SandboxCatalogInfo Shop => Seeded[0];

    /// <summary>Any seeded product by its retailer id (retailer ids are unique across the Sandbox's catalogs), removed or not.</summary>
    public static SandboxProduct? FindSeededProduct(string retailerId) =>
        Seeded.Select(c => c.Find(retailerId)).FirstOrDefault(p => p is not null);

    /// <summary>The business's own catalogs (<c>owned_product_catalogs</c>), with their current products.</summary>
    public IReadOnlyList<SandboxCatalogInfo> Owned
    {
        get
        {
            lock (_gate)
            {
                return Seeded.Select(Current).ToList();
            }
        }
    }

    /// <summary>A catalog of this business by id, with its current products; null for an unknown or foreign one.</summary>
    public SandboxCatalogInfo? Find(string catalogId) => Owned.FirstOrDefault(c => c.Id == catalogId);

    /// <summary>The catalog linked to <paramref name="wabaId"/>, or null when none is (or the account is unknown).</summary>
    public SandboxCatalogInfo? LinkedTo(string wabaId)
    {
        lock (_gate)
        {
            return _links.TryGetValue(wabaId, out var catalogId) && Seeded.FirstOrDefault(c => c.Id == catalogId) is { } catalog
                ? Current(catalog)
                : null;
        }
    }

    /// <summary>The catalog linked to the account of <paramref name="phoneNumberId"/>; null when none is.</summary>
    public SandboxCatalogInfo? LinkedToPhone(string phoneNumberId) =>
        _state.FindPhoneNumber(phoneNumberId) is { } phone ? LinkedTo(phone.WabaId) : null;

    /// <summary>Links <paramref name="catalogId"/> to the account; an account keeps at most one catalog.</summary>
    public SandboxLinkOutcome Link(string wabaId, string catalogId)
    {
        if (catalogId == ForeignCatalogId)
        {
            return SandboxLinkOutcome.ForeignCatalog;
        }

        if (Seeded.All(c => c.Id != catalogId))
        {
            return SandboxLinkOutcome.UnknownCatalog;
        }

        lock (_gate)
        {
            if (_links.TryGetValue(wabaId, out var linked))
            {
                return linked == catalogId ? SandboxLinkOutcome.Linked : SandboxLinkOutcome.AlreadyLinked;
            }
        }

        Mutate(() => _links[wabaId] = catalogId);
        return SandboxLinkOutcome.Linked;
    }

    /// <summary>Unlinks <paramref name="catalogId"/> from the account, when it is the one linked.</summary>
    public SandboxLinkOutcome Unlink(string wabaId, string catalogId)
    {
        if (catalogId == ForeignCatalogId)
        {
            return SandboxLinkOutcome.ForeignCatalog;
        }

        if (Seeded.All(c => c.Id != catalogId))
        {
            return SandboxLinkOutcome.UnknownCatalog;
        }

        lock (_gate)
        {
            if (!_links.TryGetValue(wabaId, out var linked) || linked != catalogId)
            {
                return SandboxLinkOutcome.NotLinked;
            }
        }

        Mutate(() => _links.Remove(wabaId));
        return SandboxLinkOutcome.Linked;
    }

    public SandboxCommerceSettings CommerceSettings(string phoneNumberId)
    {
        lock (_gate)
        {
            return _settings.GetValueOrDefault(phoneNumberId, SandboxCommerceSettings.Default);
        }
    }

    /// <summary>Changes the settings given (a null leaves that one as it is).</summary>
    public SandboxCommerceSettings UpdateCommerceSettings(string phoneNumberId, bool? isCartEnabled, bool? isCatalogVisible)
    {
        SandboxCommerceSettings updated = SandboxCommerceSettings.Default;
        Mutate(() =>
        {
            var current = _settings.GetValueOrDefault(phoneNumberId, SandboxCommerceSettings.Default);
            updated = new SandboxCommerceSettings(isCartEnabled ?? current.IsCartEnabled, isCatalogVisible ?? current.IsCatalogVisible);
            _settings[phoneNumberId] = updated;
        });
        return updated;
    }

    /// <summary>
    /// Emulator-only: the product leaves the catalog, as when the shop deletes it in Commerce Manager. False when the
    /// catalog or the product is unknown (or already gone).
    /// </summary>
    public bool RemoveProduct(string catalogId, string retailerId)
    {
        if (Find(catalogId)?.Find(retailerId) is null)
        {
            return false;
        }

        Mutate(() =>
        {
            if (!_removed.TryGetValue(catalogId, out var removed))
            {
                _removed[catalogId] = removed = new HashSet<string>(StringComparer.Ordinal);
            }

            removed.Add(retailerId);
        });
        return true;
    }

    /// <summary>Emulator-only: every removed product of the catalog is back.</summary>
    public void RestoreProducts(string catalogId) => Mutate(() => _removed.Remove(catalogId));

    private SandboxCatalogInfo Current(SandboxCatalogInfo seeded) =>
        _removed.TryGetValue(seeded.Id, out var removed) && removed.Count > 0
            ? seeded with { Products = seeded.Products.Where(p => !removed.Contains(p.RetailerId)).ToList() }
            : seeded;

    private void Mutate(Action change)
    {
        lock (_gate)
        {
            change();
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
            var saved = JsonSerializer.Deserialize<SavedCatalogs>(File.ReadAllText(_filePath), SandboxJson.Options);
            if (saved is null)
            {
                return;
            }

            _links.Clear();
            foreach (var (wabaId, catalogId) in saved.Links ?? [])
            {
                if (_state.FindWaba(wabaId) is not null && Seeded.Any(c => c.Id == catalogId))
                {
                    _links[wabaId] = catalogId;
                }
            }

            foreach (var (phoneId, settings) in saved.Settings ?? [])
            {
                if (_state.FindPhoneNumber(phoneId) is not null)
                {
                    _settings[phoneId] = settings;
                }
            }

            foreach (var (catalogId, retailerIds) in saved.Removed ?? [])
            {
                _removed[catalogId] = new HashSet<string>(retailerIds, StringComparer.Ordinal);
            }
        }
        catch (Exception exception) when (exception is JsonException or IOException or NotSupportedException)
        {
            _logger.LogWarning(exception, "The Sandbox catalogs file {Path} could not be read; starting from the seeded links", _filePath);
        }
    }

    private void Save()
    {
        var saved = new SavedCatalogs(_links, _settings, _removed.ToDictionary(r => r.Key, r => r.Value.ToList()));
        var temporary = _filePath + ".tmp";
        Directory.CreateDirectory(Path.GetDirectoryName(_filePath)!);
        File.WriteAllText(temporary, JsonSerializer.Serialize(saved, SandboxJson.Options));
        File.Move(temporary, _filePath, overwrite: true);
    }

    private sealed record SavedCatalogs(
        Dictionary<string, string>? Links,
        Dictionary<string, SandboxCommerceSettings>? Settings,
        Dictionary<string, List<string>>? Removed);
}
