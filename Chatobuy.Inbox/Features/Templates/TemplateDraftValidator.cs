using System.Text.RegularExpressions;
using FluentValidation;

namespace Chatobuy.Inbox.Features.Templates;

/// <summary>
/// Meta's template rules (reference §5.2), checked before anything is submitted. Each message names the field it
/// belongs to: <c>Name</c>, <c>HeaderText</c>, <c>Body</c>, <c>BodyExamples[1]</c>, <c>Buttons[0].Text</c>, …
/// </summary>
public sealed partial class TemplateDraftValidator : AbstractValidator<TemplateDraft>
{
    public const int MaxName = 512;
    public const int MaxHeader = 60;
    public const int MaxBody = 1024;
    public const int MaxFooter = 60;
    public const int MaxButtonText = 25;
    public const int MaxButtons = 10;

    public TemplateDraftValidator()
    {
        RuleFor(d => d.Name)
            .NotEmpty().WithMessage("Give the template a name.")
            .MaximumLength(MaxName).WithMessage($"The name can be at most {MaxName} characters.")
            .Matches(NamePattern()).WithMessage("Use lowercase letters, digits and underscores only, e.g. order_update.");
        RuleFor(d => d.Category)
            .Must(c => c is "MARKETING" or "UTILITY" or "AUTHENTICATION").WithMessage("Pick Marketing, Utility or Authentication.");
        RuleFor(d => d.Language)
            .Must(TemplateLanguages.IsKnown).WithMessage("Pick a language from the list.");

        When(d => d.IsAuthentication, () =>
        {
            RuleFor(d => d.CodeExpirationMinutes)
                .InclusiveBetween(1, 90).When(d => d.CodeExpirationMinutes is not null)
                .WithMessage("The code can expire after 1 to 90 minutes.");
            RuleFor(d => d.OtpButtonText)
                .NotEmpty().WithMessage("Give the copy-code button a text.")
                .MaximumLength(MaxButtonText).WithMessage($"Button texts can be at most {MaxButtonText} characters.");
        }).Otherwise(() =>
        {
            When(d => d.HeaderKind == TemplateHeaderKind.Text, () =>
            {
                RuleFor(d => d.HeaderText)
                    .NotEmpty().WithMessage("Write the header text, or pick no header.")
                    .MaximumLength(MaxHeader).WithMessage($"The header can be at most {MaxHeader} characters.")
                    .Must(t => TemplateContent.VariablesOf(t).Count <= 1).WithMessage("The header can hold at most one variable.")
                    .Must((d, t) => d.IsNamed || TemplateContent.VariablesOf(t) is [] or ["1"]).WithMessage("The header's variable must be {{1}}.");
                RuleFor(d => d.HeaderExample)
                    .NotEmpty().When(d => d.HeaderVariables.Count > 0).WithMessage("Give an example for the header variable.");
            });
            RuleFor(d => d.HeaderHandle)
                .NotEmpty().When(d => d.HeaderKind is TemplateHeaderKind.Image or TemplateHeaderKind.Video or TemplateHeaderKind.Document)
                .WithMessage("Upload an example file for the header.");

            RuleFor(d => d.Body)
                .NotEmpty().WithMessage("Write the message body.")
                .MaximumLength(MaxBody).WithMessage($"The body can be at most {MaxBody:N0} characters.")
                .Must(b => !b.Contains('\t') && !FiveSpaces().IsMatch(b)).WithMessage("Remove tabs and runs of more than four spaces.")
                .Must(b => !LeadingVariable().IsMatch(b.Trim())).WithMessage("The body can't start with a variable: put some text before it.")
                .Must(b => !TrailingVariable().IsMatch(b.Trim())).WithMessage("The body can't end with a variable: put some text after it.")
                .Must(b => !AdjacentVariables().IsMatch(b)).WithMessage("Two variables can't be next to each other: put some text between them.");
            RuleFor(d => d.Body)
                .Must(BeNumberedInOrder).When(d => !d.IsNamed).WithMessage("Number the variables {{1}}, {{2}}, … from 1 without gaps.");
            RuleFor(d => d.Body)
                .Must(b => TemplateContent.VariablesOf(b).All(v => NamedVariable().IsMatch(v))).When(d => d.IsNamed)
                .WithMessage("Named variables use lowercase letters and underscores, e.g. {{first_name}}.");
            RuleFor(d => d).Custom((draft, context) =>
            {
                foreach (var variable in draft.BodyVariables.Where(v => string.IsNullOrWhiteSpace(draft.ExampleOf(v))))
                {
                    context.AddFailure($"BodyExamples[{variable}]", $"Give an example for {{{{{variable}}}}}.");
                }
            });

            RuleFor(d => d.Footer)
                .MaximumLength(MaxFooter).WithMessage($"The footer can be at most {MaxFooter} characters.")
                .Must(f => TemplateContent.VariablesOf(f).Count == 0).WithMessage("The footer can't hold variables.");

            RuleFor(d => d.Buttons)
                .Must(b => b.Count <= MaxButtons).WithMessage($"A template can have at most {MaxButtons} buttons.")
                .Must(b => b.Count(x => x.Kind == TemplateButtonKind.Url) <= 2).WithMessage("A template can have at most 2 URL buttons.")
                .Must(b => b.Count(x => x.Kind == TemplateButtonKind.PhoneNumber) <= 1).WithMessage("A template can have at most 1 phone number button.")
                .Must(b => b.Count(x => x.Kind == TemplateButtonKind.CopyCode) <= 1).WithMessage("A template can have at most 1 copy code button.");
            RuleForEach(d => d.Buttons).SetValidator(new ButtonValidator());
        });
    }

    /// <summary>Every failure by the field it belongs to, for showing next to that field.</summary>
    public IReadOnlyDictionary<string, string> ErrorsOf(TemplateDraft draft) =>
        Validate(draft).Errors
            .GroupBy(e => e.PropertyName)
            .ToDictionary(g => g.Key, g => g.First().ErrorMessage);

    private static bool BeNumberedInOrder(string body)
    {
        var variables = TemplateContent.VariablesOf(body);
        var numbers = variables.Select(v => int.TryParse(v, out var n) ? n : -1).Order().ToList();
        return numbers.Select((n, i) => n == i + 1).All(ok => ok);
    }

    [GeneratedRegex("^[a-z0-9_]+$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-z_]{1,20}$")]
    private static partial Regex NamedVariable();

    [GeneratedRegex(" {5,}")]
    private static partial Regex FiveSpaces();

    [GeneratedRegex(@"^\{\{[^}]+\}\}")]
    private static partial Regex LeadingVariable();

    [GeneratedRegex(@"\{\{[^}]+\}\}$")]
    private static partial Regex TrailingVariable();

    [GeneratedRegex(@"\}\}\s*\{\{")]
    private static partial Regex AdjacentVariables();

    [GeneratedRegex(@"^\+?[0-9]{7,15}$")]
    private static partial Regex PhonePattern();

    private sealed class ButtonValidator : AbstractValidator<TemplateButtonDraft>
    {
        public ButtonValidator()
        {
            RuleFor(b => b.Text)
                .NotEmpty().WithMessage("Give the button a text.")
                .MaximumLength(MaxButtonText).WithMessage($"Button texts can be at most {MaxButtonText} characters.");
            When(b => b.Kind == TemplateButtonKind.Url, () =>
            {
                RuleFor(b => b.Url)
                    .Must(BeHttpUrl).WithMessage("Enter a full web address starting with https://.")
                    .Must(u => TemplateContent.VariablesOf(u) is [] || (TemplateContent.VariablesOf(u) is ["1"] && u.Trim().EndsWith("{{1}}", StringComparison.Ordinal)))
                    .WithMessage("A web address can hold one variable, {{1}}, at its end.");
                RuleFor(b => b.UrlExample)
                    .NotEmpty().When(b => b.UrlHasVariable).WithMessage("Give an example for the address's variable.");
            });
            RuleFor(b => b.PhoneNumber)
                .Must(p => PhonePattern().IsMatch(p.Trim().Replace(" ", "", StringComparison.Ordinal))).When(b => b.Kind == TemplateButtonKind.PhoneNumber)
                .WithMessage("Enter the phone number with its country code, e.g. +15550100.");
            RuleFor(b => b.CodeExample)
                .NotEmpty().When(b => b.Kind == TemplateButtonKind.CopyCode).WithMessage("Give an example code, e.g. SPRING25.");
        }

        private static bool BeHttpUrl(string url) =>
            Uri.TryCreate(url.Trim().Replace("{{1}}", "x", StringComparison.Ordinal), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
    }
}
