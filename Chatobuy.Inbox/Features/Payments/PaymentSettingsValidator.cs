using FluentValidation;

namespace Chatobuy.Inbox.Features.Payments;

/// <summary>
/// Store Settings → Payment: the partner's credentials for the mode in use (entered, or already saved), their shape,
/// the custom link's template, the four messages and the reminder's delay. Errors go next to their field (the
/// credential fields' property names are <c>Entered[test:secretKey]</c> and the like).
/// </summary>
public sealed class PaymentSettingsValidator : AbstractValidator<PaymentSettingsModel>
{
    public const int MaxMessageLength = 1024;

    public const int MaxReminderDelayMinutes = 7 * 24 * 60;

    public PaymentSettingsValidator()
    {
        RuleFor(m => m.Currency).Must(PaymentCurrencies.IsKnown).WithMessage("Choose a currency from the list.");
        RuleFor(m => m.CustomLinkTemplate)
            .Must(CustomLinkPartner.IsValidTemplate)
            .When(m => m.Partner == PaymentPartnerKind.CustomLink)
            .WithMessage("Enter a full http(s) address, e.g. https://pay.example.com/?order={order_number}&amount={total}.");

        foreach (var live in new[] { false, true })
        {
            foreach (var field in PaymentCredentialField.All)
            {
                var id = PaymentSettingsModel.FieldId(live, field.Key);
                var mode = live ? "live" : "test";
                RuleFor(m => m)
                    .Custom((model, context) =>
                    {
                        var value = model.EnteredValue(live, field.Key);
                        if (model.Partner != field.Partner)
                        {
                            return;
                        }

                        if (value is null)
                        {
                            if (live == model.LiveMode && !model.IsSaved(live, field.Key))
                            {
                                context.AddFailure($"Entered[{id}]", $"Enter the {mode} {field.Label.ToLowerInvariant()}: {field.HelperText}");
                            }

                            return;
                        }

                        if (Problem(field.Key, value, live) is { } problem)
                        {
                            context.AddFailure($"Entered[{id}]", problem);
                        }
                    });
            }
        }

        RuleFor(m => m.LinkMessage).NotEmpty().WithMessage("Write the message sent with a new link.")
            .MaximumLength(MaxMessageLength)
            .Must(t => t.Contains(PaymentText.PaymentLink, StringComparison.Ordinal)).WithMessage("Add {payment_link} so the customer gets the link.");
        RuleFor(m => m.SuccessMessage).NotEmpty().WithMessage("Write the message sent when the payment arrives.").MaximumLength(MaxMessageLength);
        RuleFor(m => m.FailedMessage).NotEmpty().WithMessage("Write the message sent when the payment fails.").MaximumLength(MaxMessageLength);
        RuleFor(m => m.ReminderMessage).NotEmpty().WithMessage("Write the reminder sent while the order is unpaid.")
            .MaximumLength(MaxMessageLength)
            .Must(t => t.Contains(PaymentText.PaymentLink, StringComparison.Ordinal)).WithMessage("Add {payment_link} so the customer can pay from the reminder.");
        RuleFor(m => m.ReminderDelayMinutes).InclusiveBetween(0, MaxReminderDelayMinutes)
            .WithMessage($"Between 0 (no reminder) and {MaxReminderDelayMinutes:N0} minutes (a week).");
    }

    /// <summary>What is wrong with an entered credential, judged by its shape; null when it looks right.</summary>
    public static string? Problem(string key, string value, bool live) => key switch
    {
        StripePartner.SecretKey => StripeErrors.WrongKindOfKey(value, live),
        StripePartner.WebhookSecret when !value.StartsWith("whsec_", StringComparison.Ordinal) =>
            "A webhook signing secret starts with whsec_: Developers → Webhooks → this channel's endpoint → Signing secret.",
        YedpayPartner.SignKey when value.Length != YedpaySignature.SignKeyLength =>
            $"Yedpay's sign key is exactly {YedpaySignature.SignKeyLength} characters; this one has {value.Length}.",
        _ when value.Any(char.IsWhiteSpace) => "Keys have no spaces: copy it again, whole.",
        _ => null,
    };
}
