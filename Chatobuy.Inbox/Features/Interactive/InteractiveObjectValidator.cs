using Chatobuy.Inbox.CloudApi.Messages;
using FluentValidation;

namespace Chatobuy.Inbox.Features.Interactive;

/// <summary>
/// Meta's limits for an interactive message (reference §3.4), checked before it is saved or sent, each problem named
/// by the field it is about (<c>Body.Text</c>, <c>Action.Buttons[1].Reply.Title</c>, …) so a form can show it there.
/// </summary>
public sealed class InteractiveObjectValidator : AbstractValidator<InteractiveObject>
{
    public const int MaxBody = 1024;
    public const int MaxFooter = 60;
    public const int MaxHeaderText = 60;
    public const int MaxButtons = 3;
    public const int MaxButtonTitle = 20;
    public const int MaxButtonId = 256;
    public const int MaxListButton = 20;
    public const int MaxSections = 10;
    public const int MaxSectionTitle = 24;
    public const int MaxRows = 10;
    public const int MaxRowId = 200;
    public const int MaxRowTitle = 24;
    public const int MaxRowDescription = 72;
    public const int MaxProducts = 30;
    public const int MaxDisplayText = 20;

    private static readonly string[] MediaHeaders = ["image", "video", "document"];

    public InteractiveObjectValidator()
    {
        RuleFor(i => i.Type).Must(InteractiveTypes.All.Contains).WithMessage(i => $"\"{i.Type}\" is not an interactive type the inbox sends ({string.Join(", ", InteractiveTypes.All)}).");

        RuleFor(i => i.Body).Must(b => !string.IsNullOrWhiteSpace(b?.Text)).OverridePropertyName("Body.Text").WithMessage("Write the message's body.")
            .When(i => i.Type != InteractiveTypes.Product || i.Body is not null);
        RuleFor(i => i.Action).NotNull().WithMessage("Say what the message offers (its action).");
        RuleFor(i => i.Body!.Text).MaximumLength(MaxBody).WithName("Body.Text").WithMessage(i => $"The body can be at most {MaxBody} characters; it has {i.Body!.Text.Length}.")
            .When(i => i.Body is not null);
        RuleFor(i => i.Footer!.Text).MaximumLength(MaxFooter).WithName("Footer.Text").WithMessage(i => $"The footer can be at most {MaxFooter} characters; it has {i.Footer!.Text.Length}.")
            .When(i => i.Footer is not null);

        RuleFor(i => i.Header).Must((i, header) => HeaderAllowed(i.Type, header)).WithMessage(i => HeaderRule(i.Type));
        RuleFor(i => i.Header!.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithName("Header.Text").WithMessage("Write the header's text.")
            .When(i => i.Header?.Type == "text");
        RuleFor(i => i.Header!.Text).MaximumLength(MaxHeaderText).WithName("Header.Text").WithMessage(i => $"The header can be at most {MaxHeaderText} characters; it has {i.Header!.Text!.Length}.")
            .When(i => i.Header?.Type == "text" && i.Header.Text is not null);
        RuleFor(i => i.Header!.Media).Must(m => m is not null && (!string.IsNullOrWhiteSpace(m.Id) || IsHttpUrl(m.Link))).WithName("Header.Media")
            .WithMessage("Choose the header's file (or give its https link).")
            .When(i => i.Header is { } h && MediaHeaders.Contains(h.Type));

        When(i => i.Action is not null && i.Type == InteractiveTypes.Button, () =>
        {
            RuleFor(i => i.Action.Buttons).Must(b => b is { Count: >= 1 and <= MaxButtons }).WithName("Action.Buttons")
                .WithMessage($"Give 1 to {MaxButtons} buttons.");
            RuleForEach(i => i.Action.Buttons).ChildRules(button =>
            {
                button.RuleFor(b => b.Reply.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Give the button a label.")
                    .MaximumLength(MaxButtonTitle).WithMessage(b => $"A button label can be at most {MaxButtonTitle} characters; this one has {b.Reply.Title.Length}.");
                button.RuleFor(b => b.Reply.Id).Must(id => !string.IsNullOrEmpty(id)).WithMessage("Give the button a callback ID.")
                    .MaximumLength(MaxButtonId).WithMessage($"A callback ID can be at most {MaxButtonId} characters.")
                    .Must(id => id.Trim() == id).WithMessage("A callback ID cannot start or end with a space.");
            }).OverridePropertyName("Action.Buttons");
            RuleFor(i => i.Action.Buttons).Must(b => Unique(b!.Select(x => x.Reply.Title.Trim()))).WithName("Action.Buttons")
                .WithMessage("Each button needs its own label.").When(i => i.Action.Buttons is not null);
            RuleFor(i => i.Action.Buttons).Must(b => Unique(b!.Select(x => x.Reply.Id))).WithName("Action.Buttons")
                .WithMessage("Each button needs its own callback ID.").When(i => i.Action.Buttons is not null);
        });

        When(i => i.Action is not null && i.Type == InteractiveTypes.List, () =>
        {
            RuleFor(i => i.Action.Button).Must(b => !string.IsNullOrWhiteSpace(b)).WithName("Action.Button").WithMessage("Give the list's button a label.")
                .MaximumLength(MaxListButton).WithMessage(i => $"The list button's label can be at most {MaxListButton} characters; it has {i.Action.Button!.Length}.");
            RuleFor(i => i.Action.Sections).Must(s => s is { Count: >= 1 and <= MaxSections }).WithName("Action.Sections")
                .WithMessage($"Give 1 to {MaxSections} sections.");
            RuleFor(i => i.Action.Sections).Must(s => s!.Sum(x => x.Rows?.Count ?? 0) is >= 1 and <= MaxRows).WithName("Action.Sections")
                .WithMessage($"A list has 1 to {MaxRows} rows in all.").When(i => i.Action.Sections is not null);
            RuleFor(i => i.Action.Sections).Must(s => s!.Count == 1 || s.All(x => !string.IsNullOrWhiteSpace(x.Title))).WithName("Action.Sections")
                .WithMessage("With more than one section, each section needs a title.").When(i => i.Action.Sections is not null);
            RuleFor(i => i.Action.Sections).Must(s => Unique(s!.SelectMany(x => x.Rows ?? []).Select(r => r.Id))).WithName("Action.Sections")
                .WithMessage("Each row needs its own ID.").When(i => i.Action.Sections is not null);
            RuleForEach(i => i.Action.Sections).ChildRules(section =>
            {
                section.RuleFor(s => s.Title).MaximumLength(MaxSectionTitle).WithMessage($"A section title can be at most {MaxSectionTitle} characters.");
                section.RuleForEach(s => s.Rows).ChildRules(row =>
                {
                    row.RuleFor(r => r.Id).Must(id => !string.IsNullOrWhiteSpace(id)).WithMessage("Give the row an ID.")
                        .MaximumLength(MaxRowId).WithMessage($"A row ID can be at most {MaxRowId} characters.");
                    row.RuleFor(r => r.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Give the row a title.")
                        .MaximumLength(MaxRowTitle).WithMessage(r => $"A row title can be at most {MaxRowTitle} characters; this one has {r.Title.Length}.");
                    row.RuleFor(r => r.Description).MaximumLength(MaxRowDescription)
                        .WithMessage(r => $"A row description can be at most {MaxRowDescription} characters; this one has {r.Description!.Length}.");
                });
            }).OverridePropertyName("Action.Sections");
        });

        When(i => i.Action is not null && i.Type == InteractiveTypes.CtaUrl, () =>
        {
            RuleFor(i => i.Action.Name).Equal("cta_url").WithName("Action.Name").WithMessage("A URL button's action is named cta_url.");
            RuleFor(i => i.Action.Parameters!.DisplayText).Must(t => !string.IsNullOrWhiteSpace(t)).WithName("Action.Parameters.DisplayText").WithMessage("Give the button's text.")
                .MaximumLength(MaxDisplayText).WithMessage(i => $"The button's text can be at most {MaxDisplayText} characters; it has {i.Action.Parameters!.DisplayText!.Length}.")
                .When(i => i.Action.Parameters is not null);
            RuleFor(i => i.Action.Parameters!.Url).Must(u => IsHttpUrl(u) && u!.StartsWith("https://", StringComparison.OrdinalIgnoreCase)).WithName("Action.Parameters.Url")
                .WithMessage("Give the https:// address the button opens.")
                .When(i => i.Action.Parameters is not null);
            RuleFor(i => i.Action.Parameters).NotNull().WithName("Action.Parameters").WithMessage("Give the button's text and address.");
        });

        When(i => i.Action is not null && i.Type == InteractiveTypes.LocationRequest, () =>
        {
            RuleFor(i => i.Action.Name).Equal("send_location").WithName("Action.Name").WithMessage("A location request's action is named send_location.");
        });

        When(i => i.Action is not null && i.Type is InteractiveTypes.Product or InteractiveTypes.ProductList, () =>
        {
            RuleFor(i => i.Action.CatalogId).Must(c => !string.IsNullOrWhiteSpace(c)).WithName("Action.CatalogId")
                .WithMessage("Link a catalog to this channel's WhatsApp Business Account first: products are sent from it.");
        });

        When(i => i.Action is not null && i.Type == InteractiveTypes.Product, () =>
        {
            RuleFor(i => i.Action.ProductRetailerId).Must(p => !string.IsNullOrWhiteSpace(p)).WithName("Action.ProductRetailerId").WithMessage("Choose the product.");
        });

        When(i => i.Action is not null && i.Type == InteractiveTypes.ProductList, () =>
        {
            RuleFor(i => i.Action.Sections).Must(s => s is { Count: >= 1 and <= MaxSections }).WithName("Action.Sections")
                .WithMessage($"Give 1 to {MaxSections} sections.");
            RuleFor(i => i.Action.Sections).Must(s => s!.Sum(x => x.ProductItems?.Count ?? 0) is >= 1 and <= MaxProducts).WithName("Action.Sections")
                .WithMessage($"Choose 1 to {MaxProducts} products in all.").When(i => i.Action.Sections is not null);
            RuleForEach(i => i.Action.Sections).ChildRules(section =>
            {
                section.RuleFor(s => s.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Give each section a title.")
                    .MaximumLength(MaxSectionTitle).WithMessage($"A section title can be at most {MaxSectionTitle} characters.");
                section.RuleFor(s => s.ProductItems).Must(p => p is { Count: > 0 }).WithMessage("Choose at least one product for each section.");
            }).OverridePropertyName("Action.Sections");
        });
    }

    /// <summary>Which headers a type takes (reference §3.4): any on reply buttons, text on lists, URL buttons and multi-product (required there), none otherwise.</summary>
    public static bool HeaderAllowed(string type, InteractiveHeader? header) => type switch
    {
        InteractiveTypes.Button => header is null || header.Type == "text" || MediaHeaders.Contains(header.Type),
        InteractiveTypes.List or InteractiveTypes.CtaUrl => header is null || header.Type == "text",
        InteractiveTypes.ProductList => header?.Type == "text",
        _ => header is null,
    };

    private static string HeaderRule(string type) => type switch
    {
        InteractiveTypes.Button => "A reply-button message's header is text, an image, a video or a document.",
        InteractiveTypes.List or InteractiveTypes.CtaUrl => "This type's header can only be text.",
        InteractiveTypes.ProductList => "A multi-product message needs a text header.",
        _ => "This type takes no header.",
    };

    private static bool Unique(IEnumerable<string> values)
    {
        var list = values.ToList();
        return list.Distinct(StringComparer.Ordinal).Count() == list.Count;
    }

    private static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
