using Microsoft.OpenApi;
using NodaTime;

namespace FieldContracts.Web.Infrastructure;

public static class ApiRegistration
{
    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(options => JsonConfiguration.Apply(options.SerializerOptions));
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "FieldContracts API";
                document.Info.Description = "Term service contracts after award: contracts, sites, areas and settings. " +
                    "Errors are RFC 9457 problem details. Sign in with the session cookie.";
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
                if (type == typeof(LocalDate))
                {
                    schema.Type = JsonSchemaType.String;
                    schema.Format = "date";
                    schema.Properties?.Clear();
                }
                else if (type == typeof(LocalTime))
                {
                    schema.Type = JsonSchemaType.String;
                    schema.Pattern = "^[0-2][0-9]:[0-5][0-9]$";
                    schema.Description = "A time of day, HH:mm, local time in Hartford.";
                    schema.Properties?.Clear();
                }
                else if (type == typeof(LocalDateTime))
                {
                    schema.Type = JsonSchemaType.String;
                    schema.Description = "A date and time in Hartford, yyyy-MM-ddTHH:mm.";
                    schema.Properties?.Clear();
                }
                else if (type == typeof(ZonedDateTime))
                {
                    schema.Type = JsonSchemaType.String;
                    schema.Format = "date-time";
                    schema.Description = "A date and time in Hartford with its offset from UTC (RFC 3339), e.g. 2003-07-10T09:00:00-04:00.";
                    schema.Properties?.Clear();
                }
                else if (type == typeof(Instant))
                {
                    schema.Type = JsonSchemaType.String;
                    schema.Format = "date-time";
                    schema.Description = "An instant in UTC, yyyy-MM-ddTHH:mm:ssZ.";
                    schema.Properties?.Clear();
                }
                else if (type == typeof(AnnualDate))
                {
                    schema.Type = JsonSchemaType.String;
                    schema.Pattern = "^[0-1][0-9]-[0-3][0-9]$";
                    schema.Description = "A day of every year, MM-dd.";
                    schema.Properties?.Clear();
                }

                return Task.CompletedTask;
            });
        });
        return services;
    }
}
