using FluentValidation;

namespace Chatobuy.Inbox.Features.Profile;

/// <summary>Meta's rules for a business profile (reference §6.2), checked before anything is sent.</summary>
public sealed class BusinessProfileValidator : AbstractValidator<BusinessProfileModel>
{
    public const int AboutMax = 139;
    public const int AddressMax = 256;
    public const int DescriptionMax = 512;
    public const int EmailMax = 128;
    public const int WebsiteMax = 256;
    public const int MaxWebsites = 2;

    public BusinessProfileValidator()
    {
        RuleFor(m => m.About)
            .NotEmpty().WithMessage("Write a short About text; WhatsApp requires one (1 to 139 characters).")
            .MaximumLength(AboutMax).WithMessage("About may have at most 139 characters.");
        RuleFor(m => m.Address)
            .MaximumLength(AddressMax).WithMessage("The address may have at most 256 characters.");
        RuleFor(m => m.Description)
            .MaximumLength(DescriptionMax).WithMessage("The description may have at most 512 characters.");
        RuleFor(m => m.Email)
            .MaximumLength(EmailMax).WithMessage("The email address may have at most 128 characters.")
            .Must(BeAnEmailAddress).WithMessage("Enter a valid email address, like support@example.com, or leave it empty.");
        RuleFor(m => m.Websites)
            .Must(w => w.Count <= MaxWebsites).WithMessage("WhatsApp shows at most two websites.");
        RuleForEach(m => m.Websites)
            .NotEmpty().WithMessage("Enter the website's address, or remove the field.")
            .MaximumLength(WebsiteMax).WithMessage("A website address may have at most 256 characters.")
            .Must(BeAWebAddress).WithMessage("Enter a full address starting with http:// or https://.");
        RuleFor(m => m.Vertical)
            .Must(v => v is null || BusinessVerticals.IsKnown(v)).WithMessage("Choose a business vertical from the list.");
    }

    private static bool BeAnEmailAddress(string email)
    {
        var trimmed = email.Trim();
        if (trimmed.Length == 0)
        {
            return true;
        }

        return System.Net.Mail.MailAddress.TryCreate(trimmed, out var address)
            && address.Address == trimmed
            && address.Host.Contains('.', StringComparison.Ordinal);
    }

    private static bool BeAWebAddress(string website) =>
        string.IsNullOrWhiteSpace(website)
        || (Uri.TryCreate(website.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0);
}
