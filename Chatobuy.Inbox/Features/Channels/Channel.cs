namespace Chatobuy.Inbox.Features.Channels;

/// <summary>A WhatsApp Cloud API phone number connected to the inbox.</summary>
public sealed class Channel
{
    /// <summary>32 lowercase hex digits: safe in any URL without encoding.</summary>
    public string Id { get; set; } = NewId();

    public string Title { get; set; } = "";

    /// <summary>Graph API root without the version, e.g. https://graph.facebook.com or the Sandbox's.</summary>
    public string GraphBaseUrl { get; set; } = "";

    public string GraphVersion { get; set; } = "v23.0";

    public string BusinessId { get; set; } = "";

    public string WabaId { get; set; } = "";

    public string WabaName { get; set; } = "";

    public string PhoneNumberId { get; set; } = "";

    public string DisplayPhoneNumber { get; set; } = "";

    public string VerifiedName { get; set; } = "";

    public string? QualityRating { get; set; }

    public string? CodeVerificationStatus { get; set; }

    /// <summary>System User access token, encrypted with Data Protection.</summary>
    public string AccessTokenProtected { get; set; } = "";

    /// <summary>Meta App Secret, encrypted with Data Protection; verifies webhook signatures.</summary>
    public string AppSecretProtected { get; set; } = "";

    /// <summary>What Meta must send as hub.verify_token to this channel's webhook URL.</summary>
    public string VerifyToken { get; set; } = "";

    public bool IsDefault { get; set; }

    public ChannelStatus Status { get; set; } = ChannelStatus.Connected;

    /// <summary>Why the channel is disconnected, in plain words with the fix; null while connected.</summary>
    public string? StatusReason { get; set; }

    /// <summary>What disconnected the channel (decides what reconnects it); null while connected.</summary>
    public DisconnectCause? DisconnectCause { get; set; }

    /// <summary>When <see cref="Status"/> last changed.</summary>
    public DateTimeOffset? StatusChangedAt { get; set; }

    /// <summary>The number's messaging limit tier as Meta last reported it (e.g. TIER_1K).</summary>
    public string? MessagingLimitTier { get; set; }

    /// <summary>The number's throughput level as Meta last reported it (STANDARD, HIGH).</summary>
    public string? ThroughputLevel { get; set; }

    /// <summary>When the scheduled health check last looked at this channel.</summary>
    public DateTimeOffset? LastHealthCheckAt { get; set; }

    public string? ForwardingWebhookUrl { get; set; }

    public List<string> AlertEmails { get; set; } = [];

    /// <summary>
    /// Meta's throughput for this number in messages per second (20 to 1,000), when it is not the inbox's default
    /// (<c>Outbound:MessagesPerSecond</c>): 1,000 once Meta has upgraded the number, 20 for a number also used in the
    /// WhatsApp Business app.
    /// </summary>
    public int? MessagesPerSecond { get; set; }

    /// <summary>An admin paused sending: new messages are stored and queued, and go out once sending resumes.</summary>
    public bool SendingPaused { get; set; }

    /// <summary>An agent's reply marks an open conversation Pending (waiting for the customer).</summary>
    public bool PendingAfterReply { get; set; }

    /// <summary>When the inbox sends Meta's read receipt for the customer's messages.</summary>
    public ReadReceiptPolicy ReadReceipts { get; set; } = ReadReceiptPolicy.WhenOpened;

    /// <summary>How new conversations get an assignee (none, round robin among online agents, the first agent who replies).</summary>
    public AssignmentMode AssignmentMode { get; set; }

    /// <summary>
    /// Round robin: the most open conversations of this channel an agent is given; beyond it new ones wait unassigned
    /// until someone has room. Null: no limit.
    /// </summary>
    public int? AssignmentLimit { get; set; }

    /// <summary>The callback URL we asked Meta to deliver to (phone number webhook override), when set.</summary>
    public string? WebhookOverrideUrl { get; set; }

    /// <summary>Why setting the override failed, in plain language, when it did.</summary>
    public string? WebhookOverrideError { get; set; }

    public DateTimeOffset? WebhookVerifiedAt { get; set; }

    /// <summary>When the first webhook signed with this channel's App Secret arrived.</summary>
    public DateTimeOffset? FirstSignedEventAt { get; set; }

    public DateTimeOffset? LastSignedEventAt { get; set; }

    /// <summary>Deliveries for this channel refused because the signature did not match the App Secret.</summary>
    public int RefusedSignatureCount { get; set; }

    public DateTimeOffset? LastRefusedSignatureAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string GraphRoot => $"{GraphBaseUrl.TrimEnd('/')}/{GraphVersion}";

    public static string NewId() => Guid.NewGuid().ToString("N");
}
