using System.ComponentModel.DataAnnotations;

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

    public static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>($"{SectionName}:{nameof(Enabled)}") ?? environment.IsDevelopment();
}
