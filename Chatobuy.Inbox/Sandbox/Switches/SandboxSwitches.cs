using System.Globalization;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Sandbox.Delivery;
using Chatobuy.Inbox.Sandbox.State;

namespace Chatobuy.Inbox.Sandbox.Switches;

/// <summary>
/// The Sandbox's trouble switches: each does to the emulated Meta what happens to a real account, and sends what Meta
/// sends then (reference §1.1, §1.3, §2, §7.5): an expired token (190/463 on every call), a banned or restricted
/// account (<c>account_update</c> and the number's status), a quality drop or rise and a messaging limit change
/// (<c>phone_number_quality_update</c> and the number's fields), a throughput change (the number's field only), the
/// app's subscription removed (no more webhooks), and webhooks stopped altogether.
/// </summary>
public sealed partial class SandboxSwitches(SandboxState state, SandboxWebhookQueue queue, TimeProvider time, ILogger<SandboxSwitches> logger)
{
    public static readonly IReadOnlyList<string> QualityRatings = ["GREEN", "YELLOW", "RED"];

    public static readonly IReadOnlyList<string> Tiers = ["TIER_250", "TIER_1K", "TIER_10K", "TIER_100K", "TIER_UNLIMITED"];

    public static readonly IReadOnlyList<string> ThroughputLevels = ["STANDARD", "HIGH"];

    /// <summary>Expires the current System User token; returns the new one Meta would let you generate.</summary>
    public string ExpireToken()
    {
        var issued = state.ExpireToken();
        LogSwitch("token expired", "-");
        return issued;
    }

    /// <summary>Meta disables the number's account: its status becomes BANNED and <c>account_update</c> DISABLED_UPDATE goes out.</summary>
    public SandboxPhoneNumber? Ban(string phoneNumberId)
    {
        var number = state.ChangeNumber(phoneNumberId, h => h with { Status = "BANNED" });
        if (number is not null)
        {
            Announce(number.WabaId, "account_update", new JsonObject
            {
                ["event"] = "DISABLED_UPDATE",
                ["ban_info"] = new JsonObject
                {
                    ["waba_ban_state"] = new JsonArray("DISABLE"),
                    ["waba_ban_date"] = time.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                },
            });
            LogSwitch("banned", phoneNumberId);
        }

        return number;
    }

    /// <summary>Meta restricts the account: the number's status becomes RESTRICTED and <c>account_update</c> ACCOUNT_RESTRICTION goes out.</summary>
    public SandboxPhoneNumber? Restrict(string phoneNumberId)
    {
        var number = state.ChangeNumber(phoneNumberId, h => h with { Status = "RESTRICTED" });
        if (number is not null)
        {
            Announce(number.WabaId, "account_update", new JsonObject
            {
                ["event"] = "ACCOUNT_RESTRICTION",
                ["restriction_info"] = new JsonArray(new JsonObject
                {
                    ["restriction_type"] = "RESTRICTED_BIZ_INITIATED_MESSAGING",
                    ["expiration"] = time.GetUtcNow().AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                }),
            });
            LogSwitch("restricted", phoneNumberId);
        }

        return number;
    }

    /// <summary>Meta lifts a ban or restriction: the number is CONNECTED again; a lifted ban is announced (REINSTATE).</summary>
    public SandboxPhoneNumber? Reinstate(string phoneNumberId)
    {
        var wasBanned = state.FindPhoneNumber(phoneNumberId)?.Status == "BANNED";
        var number = state.ChangeNumber(phoneNumberId, h => h with { Status = null });
        if (number is not null && wasBanned)
        {
            Announce(number.WabaId, "account_update", new JsonObject
            {
                ["event"] = "DISABLED_UPDATE",
                ["ban_info"] = new JsonObject
                {
                    ["waba_ban_state"] = new JsonArray("REINSTATE"),
                    ["waba_ban_date"] = time.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                },
            });
        }

        if (number is not null)
        {
            LogSwitch("reinstated", phoneNumberId);
        }

        return number;
    }

    /// <summary>Sets the number's quality rating and sends <c>phone_number_quality_update</c> (FLAGGED on a drop, UNFLAGGED on a rise).</summary>
    public SandboxPhoneNumber? SetQuality(string phoneNumberId, string rating)
    {
        var before = state.FindPhoneNumber(phoneNumberId);
        var number = state.ChangeNumber(phoneNumberId, h => h with { QualityRating = rating });
        if (number is not null && before is not null && before.QualityRating != rating)
        {
            var down = Rank(rating) < Rank(before.QualityRating);
            Announce(number.WabaId, "phone_number_quality_update", new JsonObject
            {
                ["display_phone_number"] = Digits(number.DisplayPhoneNumber),
                ["event"] = down ? "FLAGGED" : "UNFLAGGED",
                ["current_limit"] = number.MessagingLimitTier,
            });
            LogSwitch($"quality {rating}", phoneNumberId);
        }

        return number;
    }

    /// <summary>Sets the number's messaging limit tier and sends <c>phone_number_quality_update</c> (UPGRADE or DOWNGRADE, with the old and new limits).</summary>
    public SandboxPhoneNumber? SetTier(string phoneNumberId, string tier)
    {
        var before = state.FindPhoneNumber(phoneNumberId);
        var number = state.ChangeNumber(phoneNumberId, h => h with { MessagingLimitTier = tier });
        if (number is not null && before is not null && before.MessagingLimitTier != tier)
        {
            Announce(number.WabaId, "phone_number_quality_update", new JsonObject
            {
                ["display_phone_number"] = Digits(number.DisplayPhoneNumber),
                ["event"] = Tiers.ToList().IndexOf(tier) > Tiers.ToList().IndexOf(before.MessagingLimitTier) ? "UPGRADE" : "DOWNGRADE",
                ["old_limit"] = before.MessagingLimitTier,
                ["current_limit"] = tier,
            });
            LogSwitch($"tier {tier}", phoneNumberId);
        }

        return number;
    }

    /// <summary>Sets the number's throughput level; Meta sends no webhook for it, the number's <c>throughput</c> field shows it.</summary>
    public SandboxPhoneNumber? SetThroughput(string phoneNumberId, string level)
    {
        var number = state.ChangeNumber(phoneNumberId, h => h with { ThroughputLevel = level });
        if (number is not null)
        {
            LogSwitch($"throughput {level}", phoneNumberId);
        }

        return number;
    }

    /// <summary>The app's subscription to the account is removed (as <c>DELETE /{waba-id}/subscribed_apps</c> would): no more webhooks.</summary>
    public bool RemoveSubscription(string wabaId)
    {
        if (state.FindWaba(wabaId) is null)
        {
            return false;
        }

        state.Unsubscribe(wabaId);
        LogSwitch("subscription removed", wabaId);
        return true;
    }

    public void StopWebhooks(bool stopped)
    {
        state.StopWebhooks(stopped);
        LogSwitch(stopped ? "webhooks stopped" : "webhooks resumed", "-");
    }

    /// <summary>Undoes the switches (not the subscriptions: re-subscribe from the inbox).</summary>
    public void Reset()
    {
        state.ResetSwitches();
        LogSwitch("reset", "-");
    }

    private void Announce(string wabaId, string field, JsonObject value) =>
        queue.Enqueue(SandboxWebhookUpdate.ForAccount(wabaId, field, $"switch:{field}:{Guid.NewGuid():N}", value, time.GetUtcNow()));

    private static string Digits(string display) => new(display.Where(char.IsAsciiDigit).ToArray());

    private static int Rank(string? rating) => rating switch
    {
        "GREEN" => 3,
        "YELLOW" => 2,
        "RED" => 1,
        _ => 0,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox switch: {Switch} ({Target})")]
    private partial void LogSwitch(string @switch, string target);
}
