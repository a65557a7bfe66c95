using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Sandbox;

/// <summary>The built-in Cloud API emulator: whether it runs and the identities it seeds.</summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    /// <summary>On or off; empty means on in Development only.</summary>
    public bool? Enabled { get; set; }

    [Required, RegularExpression("^[0-9]{5,20}$")]
    public string BusinessId { get; set; } = "880000000000001";

    [Required]
    public string BusinessName { get; set; } = "Chatobuy Sandbox Business";

    [Required, RegularExpression("^[0-9]{5,20}$")]
    public string AppId { get; set; } = "990000000000001";

    [Required]
    public string AppName { get; set; } = "Chatobuy Sandbox App";

    [Required, MinLength(20)]
    public string AccessToken { get; set; } = "";

    [Required, MinLength(16)]
    public string AppSecret { get; set; } = "";

    [Range(1, 100)]
    public int PageSize { get; set; } = 25;

    /// <summary>The app-level webhook callback (Meta's App Dashboard → WhatsApp → Configuration); optional, the Sandbox page can set it too.</summary>
    [Url]
    public string? AppCallbackUrl { get; set; }

    /// <summary>Throughput of one business number (reference §8.3): sends beyond it in a sliding second get 130429.</summary>
    [Range(1, 100_000)]
    public int MessagesPerSecond { get; set; } = 80;

    /// <summary>
    /// How long the emulated Meta takes to answer an accepted send, in ms (0: at once). Meta's round trip is commonly
    /// 300–500 ms; with <see cref="ResponseJitterMilliseconds"/> each answer takes this ± up to the jitter.
    /// </summary>
    [Range(0, 60_000)]
    public int ResponseDelayMilliseconds { get; set; }

    /// <summary>The most an answer's delay differs from <see cref="ResponseDelayMilliseconds"/>, either way, in ms.</summary>
    [Range(0, 60_000)]
    public int ResponseJitterMilliseconds { get; set; }

    /// <summary>When the <c>sent</c>, <c>delivered</c> and <c>read</c> statuses of a business message follow its send, in ms ("100,300,600").</summary>
    [Required, RegularExpression(@"^\s*[0-9]{1,7}\s*,\s*[0-9]{1,7}\s*,\s*[0-9]{1,7}\s*$")]
    public string StatusDelaysMilliseconds { get; set; } = "100,300,600";

    /// <summary>Whether the customer "reads" business messages by themselves; off, the phone page reads them.</summary>
    public bool AutoRead { get; set; } = true;

    /// <summary>How the emulated Meta delivers webhooks.</summary>
    [Required, ValidateObjectMembers]
    public SandboxWebhookOptions Webhooks { get; set; } = new();

    /// <summary>How the emulated Meta reviews message templates.</summary>
    [Required, ValidateObjectMembers]
    public SandboxTemplateOptions Templates { get; set; } = new();

    /// <summary>The test keys the payment emulator accepts and signs with.</summary>
    [Required, ValidateObjectMembers]
    public Payments.SandboxPaymentOptions Payments { get; set; } = new();

    public static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>($"{SectionName}:{nameof(Enabled)}") ?? environment.IsDevelopment();
}
