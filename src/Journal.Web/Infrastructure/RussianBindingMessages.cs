using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Journal.Web.Infrastructure;

/// <summary>
/// Model binding's own messages in Russian: a value that doesn't fit its field's type (a Guid field
/// given «abc», a number given «два») is answered like any other bad input, never in English.
/// </summary>
public static class RussianBindingMessages
{
    public static void UseRussian(this DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => $"Значение «{value}» не подходит для этого поля.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Значение «{value}» не подходит для этого поля.");
        messages.SetValueIsInvalidAccessor(value => $"Значение «{value}» не подходит для этого поля.");
        messages.SetUnknownValueIsInvalidAccessor(_ => "Значение не подходит для этого поля.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Значение не подходит для этого поля.");
        messages.SetValueMustBeANumberAccessor(_ => "Нужно число.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Нужно число.");
        messages.SetValueMustNotBeNullAccessor(_ => "Заполните поле.");
        messages.SetMissingBindRequiredValueAccessor(_ => "Заполните поле.");
        messages.SetMissingKeyOrValueAccessor(() => "Заполните поле.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Запрос пустой.");
    }
}
