package vn.khien.app.web.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /api/docs}: API keys as bearer tokens, scoped to their unit. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {
    @Bean
    OpenAPI khienOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Khiên API")
                        .version("v1")
                        .description("REST API of Khiên. Authenticate with an API key created under Cài đặt → Khóa API:"
                                + " `Authorization: Bearer khien_…`. Every answer is limited to the key's unit and"
                                + " its sub-units (or the whole province for province-wide roles). Errors are"
                                + " RFC 9457 problem documents.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                "apiKey",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("khien_<prefix>_<secret>")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
