using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Taxonomies;

namespace Raumnetz.Application.Services;

public sealed record CreateServiceCommand : ServiceFields, ICommand<ServiceDto>;

public sealed class CreateServiceValidator : ServiceFieldsValidator<CreateServiceCommand>;

public sealed class CreateServiceHandler(IUnitOfWork unitOfWork, ServiceReads reads, TaxonomyReads taxonomies, TimeProvider clock)
    : IRequestHandler<CreateServiceCommand, ServiceDto>
{
    public async Task<ServiceDto> Handle(CreateServiceCommand request, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var refs = await ServiceStore.CheckAsync(connection, tx, unitOfWork.Dialect, taxonomies, request);
        var p = ServiceStore.Parameters(request);
        p.Add("id", id);
        p.Add("now", now);
        try
        {
            await connection.ExecuteAsync("""
                INSERT INTO services (id, name, search_key, alternate_name, description, url, email, status, operator_actor_id,
                    interpretation_services, application_process, fees_description, is_free, wait_time, accreditations, licenses,
                    eligibility_description, minimum_age, maximum_age, alert, program_name, program_alternate_name, program_description,
                    external_id, verified_on, verified_by, verification_interval_months, archived_at, version, created_at, updated_at)
                VALUES (@id, @name, @searchKey, @alternateName, @description, @url, @email, @status, @operatorId,
                    @interpretationServices, @applicationProcess, @feesDescription, @isFree, @waitTime, @accreditations, @licenses,
                    @eligibilityDescription, @minimumAge, @maximumAge, @alert, @programName, @programAlternateName, @programDescription,
                    @externalId, NULL, NULL, @verificationIntervalMonths, NULL, 1, @now, @now)
                """, p, tx);
            await ServiceStore.ReplaceListsAsync(connection, tx, unitOfWork.Dialect, id, request, refs, now);
        }
        catch (Exception e) when (unitOfWork.Dialect.IsUniqueViolation(e) || unitOfWork.Dialect.IsForeignKeyViolation(e))
        {
            throw ServiceStore.Conflict(e, unitOfWork.Dialect);
        }
        return (await reads.LoadAsync(connection, tx, id, cancellationToken))!;
    }
}
