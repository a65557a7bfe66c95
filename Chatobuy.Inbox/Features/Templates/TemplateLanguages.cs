namespace Chatobuy.Inbox.Features.Templates;

/// <summary>The languages WhatsApp templates can be written in: Meta's codes with readable names.</summary>
public static class TemplateLanguages
{
    public static readonly IReadOnlyList<(string Code, string Name)> All =
    [
        ("af", "Afrikaans"), ("sq", "Albanian"), ("ar", "Arabic"), ("az", "Azerbaijani"), ("bn", "Bengali"),
        ("bg", "Bulgarian"), ("ca", "Catalan"), ("zh_CN", "Chinese (China)"), ("zh_HK", "Chinese (Hong Kong)"),
        ("zh_TW", "Chinese (Taiwan)"), ("hr", "Croatian"), ("cs", "Czech"), ("da", "Danish"), ("nl", "Dutch"),
        ("en", "English"), ("en_GB", "English (UK)"), ("en_US", "English (US)"), ("et", "Estonian"), ("fil", "Filipino"),
        ("fi", "Finnish"), ("fr", "French"), ("ka", "Georgian"), ("de", "German"), ("el", "Greek"), ("gu", "Gujarati"),
        ("ha", "Hausa"), ("he", "Hebrew"), ("hi", "Hindi"), ("hu", "Hungarian"), ("id", "Indonesian"), ("ga", "Irish"),
        ("it", "Italian"), ("ja", "Japanese"), ("kn", "Kannada"), ("kk", "Kazakh"), ("rw_RW", "Kinyarwanda"),
        ("ko", "Korean"), ("ky_KG", "Kyrgyz"), ("lo", "Lao"), ("lv", "Latvian"), ("lt", "Lithuanian"),
        ("mk", "Macedonian"), ("ms", "Malay"), ("ml", "Malayalam"), ("mr", "Marathi"), ("nb", "Norwegian"),
        ("fa", "Persian"), ("pl", "Polish"), ("pt_BR", "Portuguese (Brazil)"), ("pt_PT", "Portuguese (Portugal)"),
        ("pa", "Punjabi"), ("ro", "Romanian"), ("ru", "Russian"), ("sr", "Serbian"), ("sk", "Slovak"),
        ("sl", "Slovenian"), ("es", "Spanish"), ("es_AR", "Spanish (Argentina)"), ("es_ES", "Spanish (Spain)"),
        ("es_MX", "Spanish (Mexico)"), ("sw", "Swahili"), ("sv", "Swedish"), ("ta", "Tamil"), ("te", "Telugu"),
        ("th", "Thai"), ("tr", "Turkish"), ("uk", "Ukrainian"), ("ur", "Urdu"), ("uz", "Uzbek"), ("vi", "Vietnamese"),
        ("zu", "Zulu"),
    ];

    public static bool IsKnown(string? code) => All.Any(l => l.Code == code);

    /// <summary>"English (US) · en_US", or the code itself when it is not in the list.</summary>
    /// <summary>The language's name alone ("English (US)"), the code when it is not one of Meta's.</summary>
    public static string NameOf(string code) =>
        All.FirstOrDefault(l => l.Code == code) is { Name: { } name } ? name : code;

    public static string Describe(string code) =>
        All.FirstOrDefault(l => l.Code == code) is { Name: { } name } ? $"{name} · {code}" : code;
}
