// placeholder
namespace citecheck::service {}
